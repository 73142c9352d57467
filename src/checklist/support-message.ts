import type { CaseSummary } from '../cases/group-cases';

// The message the shopper sends to the shop's support: the facts PayWitness saw, the evidence
// kept, and a deadline. Phrased through `_locales` (the caller passes its translator) so it stays
// pure and says the same thing in both languages.

export type Translate = (key: string, substitutions?: string[]) => string;

export function supportMessage(summary: CaseSummary, deadlineAt: string, translate: Translate, formatTime: (iso: string) => string): string {
  const lines = [translate('supportMsg_greeting')];
  if (summary.orderId) lines.push(translate('supportMsg_order', [summary.orderId]));
  if (summary.amount !== null) lines.push(translate('supportMsg_amount', [money(summary.amount, summary.currency)]));
  lines.push(translate('supportMsg_when', [formatTime(summary.firstAt)]));
  if (summary.message) lines.push(translate('supportMsg_seen', [summary.message]));
  lines.push(translate('supportMsg_evidence', [String(summary.captures.length)]));
  lines.push(translate('supportMsg_request', [formatTime(deadlineAt)]));
  return lines.join('\n');
}

export function money(amount: number, currency: string | null): string {
  const symbol = currency === 'CNY' || currency === null ? '¥' : `${currency} `;
  return `${symbol}${amount.toFixed(2)}`;
}
