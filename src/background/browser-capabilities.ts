// The one place that asks which capture APIs this browser has. Chromium and Firefox run the same
// code; where Firefox lacks an API the capture takes a documented fallback instead (README
// "Firefox", docs/bundle-format.md) — never a silent gap. An API also counts as missing when the
// manifest does not ask for its permission: scripts/firefox-manifest.mjs leaves these out for
// Firefox, and Chromium only exposes chrome.pageCapture / chrome.debugger when granted.
//
// These APIs are Chromium-only, so webextension-polyfill does not wrap them: `chrome` it is.

export type PageCaptureApi = Pick<typeof chrome.pageCapture, 'saveAsMHTML'>;
export type DebuggerApi = Pick<typeof chrome.debugger, 'attach' | 'detach' | 'sendCommand'>;

interface MaybeChrome {
  pageCapture?: Partial<PageCaptureApi>;
  debugger?: Partial<DebuggerApi>;
  offscreen?: { createDocument?: unknown };
}

function chromeNamespace(): MaybeChrome | undefined {
  return (globalThis as { chrome?: MaybeChrome }).chrome;
}

/**
 * chrome.pageCapture: the page saved as MHTML, with its images and styles.
 * Missing in Firefox ⇒ the content script serializes the DOM and the capture keeps page.html.
 */
export function pageCaptureApi(): PageCaptureApi | null {
  const api = chromeNamespace()?.pageCapture;
  return typeof api?.saveAsMHTML === 'function' ? (api as PageCaptureApi) : null;
}

/**
 * chrome.debugger: a full-page screenshot in one shot (CDP Page.captureScreenshot beyond the viewport).
 * Missing in Firefox ⇒ full-page shots scroll the page and stitch tabs.captureVisibleTab tiles.
 */
export function debuggerApi(): DebuggerApi | null {
  const api = chromeNamespace()?.debugger;
  return typeof api?.attach === 'function' && typeof api.detach === 'function' && typeof api.sendCommand === 'function'
    ? (api as DebuggerApi)
    : null;
}

export interface CaptureCapabilities {
  /** page.mhtml possible; else page.html (serialized DOM). */
  mhtml: boolean;
  /** one-shot full-page screenshots; else scroll-and-stitch. */
  debuggerScreenshots: boolean;
  /**
   * chrome.offscreen: a DOM for a Chromium service worker. Firefox has none and needs none: its MV3
   * background is an event page that has a DOM itself. Nothing in PayWitness uses it today.
   */
  offscreenDocuments: boolean;
}

export function captureCapabilities(): CaptureCapabilities {
  return {
    mhtml: pageCaptureApi() !== null,
    debuggerScreenshots: debuggerApi() !== null,
    offscreenDocuments: typeof chromeNamespace()?.offscreen?.createDocument === 'function',
  };
}
