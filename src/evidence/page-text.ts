import type { PageSnapshot } from '../detect/page-snapshot';
import { snapshotText } from '../detect/page-snapshot';

const HEADER_END = `\n${'-'.repeat(40)}\n`;

/** The page text file of a capture: a short header a reader can follow, then what was visible. */
export function pageTextFile(snapshot: PageSnapshot): string {
  const header = [
    `URL: ${snapshot.url}`,
    `Title: ${snapshot.title}`,
    `Seen at: ${snapshot.seenAt}`,
    snapshot.truncated ? 'Note: the page held more text than was read; the rest is not included.' : null,
  ].filter((line): line is string => line !== null);
  return `${header.join('\n')}${HEADER_END}${snapshotText(snapshot)}\n`;
}

/** What the page showed: the file without the header lines above. */
export function pageTextBody(file: string): string {
  const end = file.indexOf(HEADER_END);
  return end === -1 ? file : file.slice(end + HEADER_END.length);
}

export function pageTextBlob(pageText: string): Blob {
  return new Blob([pageText], { type: 'text/plain;charset=utf-8' });
}
