import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// chrome.i18n.getMessage over the real public/_locales files, for component tests: a view that
// uses a key missing from the locale shows the key itself, and the test sees it.

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function localeGetMessage(locale: 'en' | 'zh_CN'): (key: string, substitutions?: string | string[]) => string {
  const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const args = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => args[Number(index) - 1] ?? '');
    });
  };
}
