// Every browser API, manifest key and permission PayWitness uses that one of its targets lacks, and
// what PayWitness does there instead. Data, not code: test/unit/build/browser-compat.test.ts finds
// the APIs the source calls, looks each up in MDN's browser-compat-data for Chrome, Firefox and
// Firefox for Android at our minimum versions, and fails on any gap not declared here (or on a
// declaration that no longer matches the data). docs/firefox.md shows the same as tables.

export type CompatTarget = 'chrome' | 'firefox' | 'firefox_android';

export interface DeclaredFallback {
  /**
   * A path in browser-compat-data: `webextensions.api.<namespace>[.<member>…]` or
   * `webextensions.manifest.<key>…`. A namespace covers every member the code calls on it.
   */
  readonly bcd: string;
  readonly missingOn: readonly CompatTarget[];
  /**
   * The function in browser-capabilities.ts that finds the API missing; the code reaches the API
   * only through it. Absent where the fallback is not a run-time check (a manifest key, an option).
   */
  readonly check?: string;
  readonly fallback: string;
}

export const DECLARED_FALLBACKS: readonly DeclaredFallback[] = [
  {
    bcd: 'webextensions.api.pageCapture',
    missingOn: ['firefox', 'firefox_android'],
    check: 'pageCaptureApi',
    fallback: 'the content script serializes the DOM: page.html instead of page.mhtml',
  },
  {
    bcd: 'webextensions.api.debugger',
    missingOn: ['firefox', 'firefox_android'],
    check: 'debuggerApi',
    fallback: 'full-page screenshots scroll the page and stitch tabs.captureVisibleTab tiles',
  },
  {
    bcd: 'webextensions.api.offscreen',
    missingOn: ['firefox', 'firefox_android'],
    check: 'offscreenApi',
    fallback: 'not needed: the Firefox background is an event page with a DOM and makes the backup bundle\'s blob: URL itself',
  },
  {
    bcd: 'webextensions.api.downloads',
    missingOn: ['firefox_android'],
    check: 'downloadsApi',
    fallback: 'no backups into Downloads (the backup records no_downloads_api and the options page says so); 导出全部 / Export all saves the same bundle through an <a download>',
  },
  {
    bcd: 'webextensions.api.runtime.getBrowserInfo',
    missingOn: ['chrome'],
    fallback: "Firefox's own name and version; in Chromium the User-Agent Client Hints, else the UA string (browser-info.ts)",
  },
  {
    bcd: 'webextensions.api.menus',
    missingOn: ['firefox_android'],
    check: 'contextMenusApi',
    fallback: "no right-click item: the popup's 保存当前页为证据 button saves the page",
  },
  {
    bcd: 'webextensions.api.commands',
    missingOn: ['firefox_android'],
    check: 'commandsApi',
    fallback: "no Alt+Shift+S: the popup's 保存当前页为证据 button saves the page",
  },
  {
    bcd: 'webextensions.api.windows',
    missingOn: ['firefox_android'],
    check: 'windowsApi',
    fallback: 'no minimized windows to skip: the active tab is the one on screen',
  },
  {
    bcd: 'webextensions.api.notifications.onButtonClicked',
    missingOn: ['firefox', 'firefox_android'],
    check: 'notificationButtonClicks',
    fallback: 'a click on the notification itself reopens the order page',
  },
  {
    bcd: 'webextensions.api.notifications.NotificationOptions.buttons',
    missingOn: ['firefox', 'firefox_android'],
    fallback: 'Firefox rejects a notification with buttons: order-alarms.ts shows it again without them',
  },
  {
    bcd: 'webextensions.manifest.browser_specific_settings.gecko_android',
    missingOn: ['firefox'],
    fallback: "desktop Firefox ignores it and goes by gecko.strict_min_version (only the Firefox build has either)",
  },
  {
    bcd: 'webextensions.manifest.commands',
    missingOn: ['firefox_android'],
    fallback: 'Firefox for Android ignores the key; the popup button stands in for the shortcut',
  },
  {
    bcd: 'webextensions.manifest.permissions.contextMenus',
    missingOn: ['firefox_android'],
    fallback: 'Firefox for Android ignores the permission (no menus there); the popup button stands in',
  },
];
