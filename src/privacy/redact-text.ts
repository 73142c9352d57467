import { hasIssuerRange, isCardNumberShape } from './card-number';
import { isChinaIdNumber15, isChinaIdNumber18 } from './china-id-number';

// Masks bank card numbers, 身份证 numbers and mainland mobile numbers in text before it is stored.
// Pure: no DOM, no browser API. Runs of digits (optionally grouped by single spaces or dashes, as
// cards and phones are printed) are the candidates; the label right before a number decides the
// ambiguous cases:
// - a card label (卡号, 银行卡, card number…) → any Luhn-valid 13–19 digit number is a card;
// - an order label (订单号, 交易号, trade_no…) → the number is an order id and stays, even when it
//   happens to pass Luhn inside a card scheme's range (a 19-digit trade_no starting 62…);
// - no label → a card must pass Luhn AND sit in a scheme's issuer range at a length that scheme
//   issues. Date-stamped trade numbers (20YYMMDD…) fall in no range, so they stay unlabelled too.
// 18-character 身份证 numbers are masked whenever their region, birth date and MOD 11-2 check
// character are valid; the checksum-less 15-digit form only after an ID label (身份证, 证件号).

export type RedactionKind = 'card' | 'idNumber' | 'phone';

export interface RedactionResult {
  text: string;
  counts: Record<RedactionKind, number>;
}

const MASK = '*';
const CANDIDATE_RUN = /(?<![0-9A-Za-z])\d+(?:[ -]\d+)*[Xx]?(?![0-9A-Za-z])/g;
const LOOK_BEHIND = 64;

// Each label may be followed by 号/号码/编号 and punctuation before the number (gap check below).
const CARD_LABEL = /(?:银行卡|信用卡|储蓄卡|借记卡|卡号|付款卡|bank\s*card|card\s*(?:no\.?|number|num|#))/gi;
const ORDER_LABEL =
  /(?:订单|单号|交易号|流水号|商户号|out[_\s-]?trade[_\s-]?no|trade[_\s-]?no|order(?:[_\s-]?(?:id|no\.?|sn|number))?|transaction(?:[_\s-]?id)?|txn)/gi;
const ID_LABEL = /(?:身份证|证件号|证件|id\s*card|identity(?:\s*card)?)/gi;
// Tags may stand between label and number too: the HTML snapshot is masked with the same rules.
const LABEL_GAP = /^(?:号码|号|编号|码|id|no\.?|number)?(?:<[^<>]{0,80}>|&nbsp;|[\s:：#=（）()[\]【】\-_/|])*$/i;

type Label = 'card' | 'order' | 'id' | null;

export function redactText(text: string): RedactionResult {
  const counts: Record<RedactionKind, number> = { card: 0, idNumber: 0, phone: 0 };
  if (!/\d{4}/.test(text.replace(/[ -]/g, ''))) return { text, counts };
  let out = '';
  let copied = 0;
  for (const run of text.matchAll(CANDIDATE_RUN)) {
    const groups = splitGroups(run[0], run.index);
    for (let i = 0; i < groups.length; ) {
      const found = longestSensitive(text, groups, i);
      if (!found) {
        i++;
        continue;
      }
      const start = groups[i]!.start;
      const end = groups[found.last]!.end;
      out += text.slice(copied, start) + mask(text.slice(start, end), found.kind);
      copied = end;
      counts[found.kind]++;
      i = found.last + 1;
    }
  }
  return { text: copied === 0 ? text : out + text.slice(copied), counts };
}

interface Group {
  digits: string;
  start: number;
  end: number;
}

function splitGroups(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  for (const part of run.matchAll(/\d+[Xx]?/g)) {
    groups.push({ digits: part[0], start: offset + part.index, end: offset + part.index + part[0].length });
  }
  return groups;
}

/** The longest run of groups starting at `first` that is a sensitive number, if any. */
function longestSensitive(text: string, groups: Group[], first: number): { kind: RedactionKind; last: number } | null {
  const label = labelBefore(text, groups[first]!.start);
  let digits = '';
  const candidates: Array<{ digits: string; last: number }> = [];
  for (let last = first; last < groups.length && digits.length < 19; last++) {
    digits += groups[last]!.digits;
    if (/[Xx]/.test(digits.slice(0, -1))) break;
    candidates.push({ digits, last });
  }
  for (let c = candidates.length - 1; c >= 0; c--) {
    const kind = classify(candidates[c]!.digits, label);
    if (kind) return { kind, last: candidates[c]!.last };
  }
  return null;
}

function classify(digits: string, label: Label): RedactionKind | null {
  if (digits.length === 18 && isChinaIdNumber18(digits)) return 'idNumber';
  if (label === 'id' && digits.length === 15 && isChinaIdNumber15(digits)) return 'idNumber';
  if (label === 'order') return null;
  if (isCardNumberShape(digits) && (label === 'card' || hasIssuerRange(digits))) return 'card';
  if (/^1[3-9]\d{9}$/.test(digits)) return 'phone';
  return null;
}

/** The label, if one ends right before `start` with nothing but a 号/号码 suffix and punctuation. */
function labelBefore(text: string, start: number): Label {
  const window = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  let best: { end: number; label: Label } = { end: -1, label: null };
  const consider = (pattern: RegExp, label: Label) => {
    for (const match of window.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (end >= best.end && LABEL_GAP.test(window.slice(end))) best = { end, label };
    }
  };
  consider(ORDER_LABEL, 'order');
  consider(ID_LABEL, 'id');
  consider(CARD_LABEL, 'card');
  return best.label;
}

/** Cards and 身份证 keep their last 4 characters, phones their first 3 and last 4; separators stay. */
function mask(span: string, kind: RedactionKind): string {
  const total = span.replace(/[ -]/g, '').length;
  const keepHead = kind === 'phone' ? 3 : 0;
  const keepTail = 4;
  let seen = 0;
  let out = '';
  for (const char of span) {
    if (char === ' ' || char === '-') {
      out += char;
      continue;
    }
    out += seen < keepHead || seen >= total - keepTail ? char : MASK;
    seen++;
  }
  return out;
}

/** Convenience for single fields (title, message, URL). */
export function redactField(value: string): string {
  return redactText(value).text;
}
