import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, type LocaleMessages } from '../../src/shared/locale-messages';

// chrome.i18n.getMessage over the real public/_locales files, for component tests: a view that
// uses a key missing from the locale shows the key itself, and the test sees it.

export function localeGetMessage(locale: 'en' | 'zh_CN'): (key: string, substitutions?: string | string[]) => string {
  const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as LocaleMessages;
  return (key, substitutions) => formatMessage(messages, key, substitutions);
}
