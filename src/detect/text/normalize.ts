import { toSimplified } from './traditional-to-simplified';

// One form for comparing what a page says with what a message table lists: full-width and
// compatibility forms folded (NFKC: "！" → "!", "ＡＢＣ" → "ABC"), Traditional folded onto Simplified,
// lower case, and everything that is not a letter or a digit dropped (spaces, punctuation, emoji,
// the "(｡￫‿￩｡)" faces some shops append). "訂單已逾期，請重新下單！" and "订单已逾期请重新下单" compare equal.

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normalizeMessage(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(NOT_WORD, '');
}

/** The same folding that keeps spaces between words, for patterns written as regular expressions. */
export function foldMessage(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}
