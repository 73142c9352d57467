import browser from 'webextension-polyfill';
import { loadSettings } from '../settings/settings';
import { chooseLocale } from './i18n';
import type { LocaleMessages } from './locale-messages';

/** Before an extension page renders: load the `_locales` table the shopper chose, if any. */
export async function applyLanguageSetting(): Promise<void> {
  try {
    const { language } = await loadSettings();
    if (language === 'auto') return;
    const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
    chooseLocale((await response.json()) as LocaleMessages);
    document.documentElement.lang = language === 'zh_CN' ? 'zh-CN' : language;
  } catch {
    // The browser's language is a fine fallback: never keep a page from rendering over this.
  }
}
