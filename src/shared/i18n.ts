import browser from 'webextension-polyfill';

/** User-facing text lives in public/_locales; a missing key shows itself rather than nothing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
