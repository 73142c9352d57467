import browser from 'webextension-polyfill';

// Full-page screenshots in one shot need Chromium's `debugger` permission, asked for only when the
// shopper turns the setting on (it shows a "started debugging this browser" bar while it works).
// Refused, or a browser without it (Firefox): the worker scrolls and stitches instead.

export async function requestFullPagePermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['debugger'] as unknown as browser.Manifest.OptionalPermission[] });
  } catch {
    return false;
  }
}
