import { readFile } from 'node:fs/promises';
import { verifyBundle, type VerifyResult } from '../verify/verify-bundle';

// `paywitness verify <bundle.zip>` — exit 0 intact, 1 tampered, 2 unreadable (or bad usage).

export const EXIT = { intact: 0, tampered: 1, unreadable: 2 } as const;

export async function runCli(args: readonly string[], out: (line: string) => void): Promise<number> {
  const [command, file, ...rest] = args;
  if (command !== 'verify' || !file || rest.length > 0) {
    out('usage: paywitness verify <bundle.zip>');
    return EXIT.unreadable;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    out(`UNREADABLE: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.unreadable;
  }
  const result = await verifyBundle(bytes);
  for (const line of describe(file, result)) out(line);
  return EXIT[result.status];
}

function describe(file: string, result: VerifyResult): string[] {
  switch (result.status) {
    case 'intact':
      return [
        `INTACT: ${file}`,
        `  ${result.captures} captures, ${result.files} files: every SHA-256 and every chain link checks out.`,
        `  chain head: ${result.head ?? '(empty bundle)'}`,
        ...(result.extras ? [`  ${result.extras} files made at export (README, report, complaints, stamped copies…) match the manifest's extras.`] : []),
        ...(result.omitted ? [`  redacted: ${result.omitted} page text/HTML files were left out on purpose, each declared with its sealed SHA-256.`] : []),
        ...(result.timestamp
          ? [`  trusted timestamp (RFC 3161) over the chain head: ${result.timestamp.genTime} — signature ${result.timestamp.signature}; ${result.timestamp.note}`]
          : []),
        ...(result.rechained
          ? [`  ${result.rechained} records were appended again from another chain (a restored backup, or two stores that diverged); each still matches the seal it had there.`]
          : []),
        ...(result.deletions ?? []).map(
          (d) => `  deleted on the device: capture ${d.captureId} at ${d.deletedAt}${d.reason ? ` (${d.reason})` : ''}; its record stays, its files were removed`,
        ),
      ];
    case 'tampered':
      return [`TAMPERED: ${file}`, ...result.problems.map((p) => `  ${p.entry}: ${p.reason}`)];
    case 'unreadable':
      return [`UNREADABLE: ${file}: ${result.error}`];
  }
}
