import browser from 'webextension-polyfill';
import { formatMessage, type LocaleMessages } from './locale-messages';

// The language setting (options page) overrides the browser's for extension pages only.
let chosen: LocaleMessages | null = null;

export function chooseLocale(messages: LocaleMessages | null): void {
  chosen = messages;
}

/** User-facing text lives in public/_locales; a missing key shows itself rather than nothing. */
export function t(key: string, substitutions?: string | string[]): string {
  return (chosen && formatMessage(chosen, key, substitutions)) || browser.i18n.getMessage(key, substitutions) || key;
}
