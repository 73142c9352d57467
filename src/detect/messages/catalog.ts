import type { Responsibility } from '../../evidence/capture-entry';
import { foldMessage, normalizeMessage } from '../text/normalize';

// What each system's messages mean, as data (one JSON file per system, see schema.json), compiled
// once into matchers. The files are the knowledge; classify-message.ts is the small engine.

export type MessageKind = 'payment_error' | 'user_error' | 'none';
export type TableResponsibility = Responsibility | null | 'by_host';

export interface MessageEntry {
  id: string;
  say?: string[];
  pattern?: string;
  /** Messages a `pattern` entry must classify (the table test shows each). */
  examples?: string[];
  kind: MessageKind;
  responsibility: TableResponsibility;
  reason: string;
  source: string;
  on?: 'provider' | 'shop';
  relay?: boolean;
  raisedOnly?: boolean;
  unless?: string;
}

export interface MessageTable {
  system: string;
  title: string;
  generic?: boolean;
  sources: string[];
  entries: MessageEntry[];
}

export interface CompiledEntry extends MessageEntry {
  system: string;
  generic: boolean;
  /** Over normalizeMessage() text (from `say`): plain words, and templates with {} as expressions. */
  words: string[];
  templates: RegExp[];
  /** Over foldMessage() text (from `pattern`). */
  regex: RegExp | null;
  unlessRegex: RegExp | null;
}

const FILES = import.meta.glob<MessageTable>('./*.json', { eager: true, import: 'default' });

export const MESSAGE_TABLES: readonly MessageTable[] = Object.entries(FILES)
  .filter(([path]) => !path.endsWith('/schema.json'))
  .map(([, table]) => table)
  .sort((a, b) => Number(a.generic ?? false) - Number(b.generic ?? false) || a.system.localeCompare(b.system));

/** "本商品单次最多购买{}个" → a matcher over normalised text; {} stands for what the system fills in. */
export function templateMatcher(phrase: string): RegExp {
  const parts = phrase.split('{}').map((part) => normalizeMessage(part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\p{L}\\p{N}]{0,40}'), 'u');
}

/**
 * Form checks (a wrong captcha, a missing e-mail, a quantity over the limit, a bad coupon) are
 * raised when the shopper submits; printed as a plain line the same words are a field's label or
 * hint ("请选择支付方式" above the payment methods). They count only when raised.
 */
const FORM_CHECK_REASONS = new Set(['user_input_error', 'purchase_limit', 'coupon_invalid']);

export function compileEntry(entry: MessageEntry, table: Pick<MessageTable, 'system' | 'generic'>): CompiledEntry {
  return {
    ...entry,
    raisedOnly: entry.raisedOnly ?? FORM_CHECK_REASONS.has(entry.reason),
    system: table.system,
    generic: table.generic ?? false,
    words: (entry.say ?? []).filter((phrase) => !phrase.includes('{}')).map(normalizeMessage).filter(Boolean),
    templates: (entry.say ?? []).filter((phrase) => phrase.includes('{}')).map(templateMatcher),
    // m: a pattern's ^ also finds a message's later lines (an error shell's title comes first).
    regex: entry.pattern ? new RegExp(entry.pattern, 'imu') : null,
    unlessRegex: entry.unless ? new RegExp(entry.unless, 'iu') : null,
  };
}

export const MESSAGE_ENTRIES: readonly CompiledEntry[] = MESSAGE_TABLES.flatMap((table) =>
  table.entries.map((entry) => compileEntry(entry, table)),
);

export { foldMessage, normalizeMessage };
