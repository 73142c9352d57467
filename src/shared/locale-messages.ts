// A `_locales/<lang>/messages.json` table and chrome.i18n's substitution rules ($NAME$ placeholders
// whose content is $1…$9, and $$ for a dollar sign), for when the shopper picks a language other
// than the browser's. Pure: the table is loaded by the caller.

export type LocaleMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function formatMessage(messages: LocaleMessages, key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const args = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, index: string) => args[Number(index) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => positional(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}
