// @ts-check
// The one place where the Chromium manifest.json becomes the Firefox one. Everything else — source,
// bundle format, verification — is shared; only the manifest and the capability checks in
// src/background/browser-capabilities.ts know there are two browsers.

/** Our add-on id on addons.mozilla.org and in about:debugging; tests pin its moz-extension UUID by it. */
export const GECKO_ID = 'paywitness@paywitness.dev';

/**
 * 140 is the first ESR (and the first release) that knows `data_collection_permissions`, Firefox's
 * built-in data-consent key, so an older Firefox would install us without showing it. Everything
 * else we rely on is older: MV3 event pages with ES-module background scripts, and host permissions
 * shown and granted at install instead of silently withheld (127).
 */
export const GECKO_MIN_VERSION = '140.0';

/**
 * Firefox for Android (`gecko_android`): 142 is the first Android release that knows
 * `data_collection_permissions` (desktop had it in 140), so an older one would install us without
 * the consent line. Everything else we call exists there since 120 or earlier (MV3 109, this key 113,
 * `permissions.request` 120); what Android lacks altogether (context menus, keyboard commands,
 * windows, notification buttons) is checked for at run time (src/background/browser-capabilities.ts,
 * docs/firefox.md "Firefox for Android").
 */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * Chromium-only permissions and what Firefox does instead (src/background/browser-capabilities.ts
 * checks for the API at run time; README "Firefox" lists the fallbacks). Firefox rejects none of
 * them outright, but would warn and then never grant them, so we leave them out.
 */
export const CHROMIUM_ONLY_PERMISSIONS = /** @type {const} */ ({
  pageCapture: 'no MHTML in Firefox: the capture keeps the serialized DOM (page.html) instead',
  debugger: 'no chrome.debugger in Firefox: full-page shots are scrolled and stitched instead',
  offscreen: 'no offscreen documents in Firefox: its background is an event page that has a DOM',
});

/**
 * @typedef {{ service_worker: string, type?: string }} ChromiumBackground
 * @typedef {{ background: ChromiumBackground, permissions?: string[], optional_permissions?: string[], minimum_chrome_version?: string }} ChromiumParts
 */

/**
 * @template {ChromiumParts} M
 * @param {M} manifest the Chromium manifest.json
 * @returns {Omit<M, keyof ChromiumParts> & {
 *   background: { scripts: string[], type: string },
 *   permissions: string[],
 *   optional_permissions?: string[],
 *   browser_specific_settings: {
 *     gecko: { id: string, strict_min_version: string, data_collection_permissions: { required: ['none'] } },
 *     gecko_android: { strict_min_version: string },
 *   },
 * }} the Firefox manifest, a new object
 */
export function firefoxManifest(manifest) {
  const { minimum_chrome_version: _chromeOnly, background, permissions = [], optional_permissions = [], ...rest } = manifest;
  /** @param {string[]} list */
  const supported = (list) => list.filter((name) => !(name in CHROMIUM_ONLY_PERMISSIONS));
  const optional = supported(optional_permissions);
  return {
    ...rest,
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    background: { scripts: [background.service_worker], type: background.type ?? 'module' },
    permissions: supported(permissions),
    ...(optional.length > 0 ? { optional_permissions: optional } : {}),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // Nothing leaves the device: evidence is only exported when the shopper asks.
        data_collection_permissions: { required: ['none'] },
      },
      // The same add-on installs on Firefox for Android (one file on AMO for both).
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
}
