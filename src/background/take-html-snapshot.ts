import { redactMhtml } from '../privacy/redact-mhtml';
import { sendToTab } from '../messages/send-message';
import type { NewFile } from '../store/capture-store';
import { pageCaptureApi } from './browser-capabilities';
import { showsSameDocument } from './take-screenshot';

// The HTML of the page with each capture. Chromium saves MHTML (the page with its images and
// styles in one file); the MHTML is masked with the same rules as the page text before it is
// kept. Where pageCapture does not exist (Firefox) the content script serialises a masked copy of
// the DOM instead. Like the screenshot, the snapshot is dropped if the tab changed document.

export const MAX_HTML_CHARS = 5 * 1024 * 1024;
const MAX_MHTML_BYTES = 25 * 1024 * 1024;
const MHTML_ATTEMPTS = 3;

export type HtmlSnapshotResult = { file: NewFile; truncated: boolean } | { error: string };

export async function takeHtmlSnapshot(tabId: number, docToken: string): Promise<HtmlSnapshotResult> {
  let result: HtmlSnapshotResult | null = await saveMhtml(tabId).catch(() => null);
  try {
    result ??= await serializedDom(tabId);
  } catch (error) {
    return { error: `html_failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}` };
  }
  if (!(await showsSameDocument(tabId, docToken))) return { error: 'page_changed' };
  return result;
}

/** Chromium only; null where the API is missing or the page is too large for it to be worth it. */
async function saveMhtml(tabId: number): Promise<HtmlSnapshotResult | null> {
  const pageCapture = pageCaptureApi();
  if (!pageCapture) return null;
  const raw = await readMhtml(pageCapture, tabId);
  if (!raw) return null;
  const { bytes } = redactMhtml(raw);
  return {
    file: { name: 'page.mhtml', blob: new Blob([bytes as BlobPart], { type: 'multipart/related' }), role: 'html' },
    truncated: false,
  };
}

/**
 * The Blob Chromium hands back is backed by a temporary file that is sometimes gone by the time it
 * is read (NotFoundError, seen in about 1 of 3 runs here); saving again succeeds.
 */
async function readMhtml(pageCapture: typeof chrome.pageCapture, tabId: number): Promise<Uint8Array | null> {
  for (let attempt = 1; ; attempt++) {
    const saved = await pageCapture.saveAsMHTML({ tabId });
    if (!saved || saved.size > MAX_MHTML_BYTES) return null;
    try {
      return new Uint8Array(await saved.arrayBuffer());
    } catch (error) {
      if (attempt >= MHTML_ATTEMPTS) throw error;
    }
  }
}

async function serializedDom(tabId: number): Promise<HtmlSnapshotResult> {
  const page = await sendToTab(tabId, 'content:serialize-page', { maxChars: MAX_HTML_CHARS });
  if (!page || typeof page.html !== 'string') return { error: 'html_failed: no answer from the page' };
  const blob = new Blob([page.html.slice(0, MAX_HTML_CHARS)], { type: 'text/html;charset=utf-8' });
  return { file: { name: 'page.html', blob, role: 'html' }, truncated: page.truncated === true };
}
