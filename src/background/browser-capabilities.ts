import type browser from 'webextension-polyfill';

// The one place that asks which APIs this browser has. Chromium, Firefox and Firefox for Android
// run the same code; where one lacks an API PayWitness takes a documented fallback instead (README
// "Firefox", docs/firefox.md, docs/bundle-format.md) — never a silent gap, and never a call on an
// undefined namespace that would stop the background script before its listeners are registered.
// An API also counts as missing when the manifest does not ask for its permission:
// scripts/firefox-manifest.mjs leaves some out for Firefox, and Chromium only exposes
// chrome.pageCapture / chrome.debugger when granted. test/unit/build/browser-compat.test.ts holds
// every API the code calls against MDN's compat data and the fallbacks declared in api-fallbacks.ts.
//
// The capture APIs below are Chromium-only, so webextension-polyfill does not wrap them: `chrome` it is.

export type PageCaptureApi = Pick<typeof chrome.pageCapture, 'saveAsMHTML'>;
export type DebuggerApi = Pick<typeof chrome.debugger, 'attach' | 'detach' | 'sendCommand'>;

export type OffscreenApi = Pick<typeof chrome.offscreen, 'createDocument' | 'closeDocument'>;

interface MaybeChrome {
  pageCapture?: Partial<PageCaptureApi>;
  debugger?: Partial<DebuggerApi>;
  offscreen?: Partial<OffscreenApi>;
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

/**
 * chrome.offscreen: a document for a Chromium service worker, here to hold a backup bundle's blob:
 * URL for the downloads API. Missing in Firefox ⇒ its background is an event page and makes the URL itself.
 */
export function offscreenApi(): OffscreenApi | null {
  const api = chromeNamespace()?.offscreen;
  return typeof api?.createDocument === 'function' && typeof api.closeDocument === 'function' ? (api as OffscreenApi) : null;
}

export interface CaptureCapabilities {
  /** page.mhtml possible; else page.html (serialized DOM). */
  mhtml: boolean;
  /** one-shot full-page screenshots; else scroll-and-stitch. */
  debuggerScreenshots: boolean;
  /**
   * chrome.offscreen: a DOM for a Chromium service worker (backups use it for a blob: URL). Firefox
   * has none and needs none: its MV3 background is an event page that has a DOM itself.
   */
  offscreenDocuments: boolean;
}

export function captureCapabilities(): CaptureCapabilities {
  return {
    mhtml: pageCaptureApi() !== null,
    debuggerScreenshots: debuggerApi() !== null,
    offscreenDocuments: offscreenApi() !== null,
  };
}

// Browser UI that Firefox for Android (and some Chromium-based Android browsers) do not have: no
// context menus, no keyboard commands, no windows. These take the namespace (the polyfilled
// `browser`) as an argument, so the background entry and the tests hand in what they have.

export type ContextMenusApi = Pick<typeof browser.contextMenus, 'create' | 'removeAll' | 'onClicked'>;
export type CommandsApi = Pick<typeof browser.commands, 'onCommand'>;
export type WindowsApi = Pick<typeof browser.windows, 'get'>;
export type NotificationButtonClicks = typeof browser.notifications.onButtonClicked;
export type DownloadsApi = Pick<typeof browser.downloads, 'download' | 'search' | 'removeFile' | 'erase' | 'onChanged'>;

export interface MaybeUiApis {
  contextMenus?: Partial<ContextMenusApi>;
  commands?: Partial<CommandsApi>;
  windows?: Partial<WindowsApi>;
  notifications?: { onButtonClicked?: Partial<NotificationButtonClicks> };
  downloads?: Partial<DownloadsApi>;
}

/**
 * The right-click item 保存为证据. Missing on Android ⇒ the popup's 保存当前页为证据 button, which
 * every browser has, does the same.
 */
export function contextMenusApi(ns: MaybeUiApis): ContextMenusApi | null {
  const api = ns.contextMenus;
  return typeof api?.create === 'function' && typeof api.removeAll === 'function' && typeof api.onClicked?.addListener === 'function'
    ? (api as ContextMenusApi)
    : null;
}

/** The Alt+Shift+S shortcut. Missing on Android (no keyboard commands) ⇒ the popup's button. */
export function commandsApi(ns: MaybeUiApis): CommandsApi | null {
  const api = ns.commands;
  return typeof api?.onCommand?.addListener === 'function' ? (api as CommandsApi) : null;
}

/**
 * windows.get, to skip minimized windows before a screenshot. Missing on Android, which has no
 * windows to minimize ⇒ the tab's own `active` flag decides whether it is on screen.
 */
export function windowsApi(ns: MaybeUiApis): WindowsApi | null {
  const api = ns.windows;
  return typeof api?.get === 'function' ? (api as WindowsApi) : null;
}

/**
 * Clicks on a notification's buttons. Missing in Firefox, desktop and Android alike, which also
 * reject notifications that have buttons ⇒ shown without them; a click on the notification itself
 * does what the button would (order-alarms.ts).
 */
export function notificationButtonClicks(ns: MaybeUiApis): NotificationButtonClicks | null {
  const event = ns.notifications?.onButtonClicked;
  return typeof event?.addListener === 'function' ? (event as NotificationButtonClicks) : null;
}

/**
 * The downloads API, for backup bundles into the Downloads folder (after the optional `downloads`
 * permission is granted). Firefox for Android removed it (79) ⇒ no automatic backups there; the
 * backup says so, and 导出全部 / Export all saves the same bundle through the page's own download.
 */
export function downloadsApi(ns: MaybeUiApis): DownloadsApi | null {
  const api = ns.downloads;
  return typeof api?.download === 'function' &&
    typeof api.search === 'function' &&
    typeof api.removeFile === 'function' &&
    typeof api.erase === 'function' &&
    typeof api.onChanged?.addListener === 'function'
    ? (api as DownloadsApi)
    : null;
}
