import type { Responsibility } from '../evidence/capture-entry';
import { MESSAGE_ENTRIES, type CompiledEntry, type MessageKind } from './messages/catalog';
import { serverOwner, type PageRole } from './page-role';
import { foldMessage, normalizeMessage } from './text/normalize';

// Which table entry a shown message is. Every entry that matches is a candidate; the one that names
// the most of the message wins (当前商户余额不足 over 余额不足), a system's own entry over the
// cross-system vocabulary on a tie. A relay prefix (dujiaoka's "支付网关异常！", epay's
// "支付宝下单失败！") hands the rest of the message to the provider's own words first.

export interface MessageContext {
  role: PageRole;
  /** Shown in a message surface (toast, dialog, alert, error shell), not printed as a plain line. */
  raised: boolean;
}

export interface MessageClass {
  entry: CompiledEntry;
  kind: MessageKind;
  responsibility: Responsibility | null;
  /** How much of the message (normalised characters) the entry names. */
  strength: number;
  /** The relay prefix in front of the provider's words, when there was one. */
  relayedBy: CompiledEntry | null;
  /** The message as compared (foldMessage) and where the entry's words (with a relay prefix) sit in it. */
  folded: string;
  start: number;
  end: number;
}

interface Hit {
  entry: CompiledEntry;
  strength: number;
  /** Where the words sit in the folded text (for a relay: the provider's message starts at end). */
  start: number;
  end: number;
}

const MEMO_SIZE = 256;
const memo = new Map<string, MessageClass | null>();

export function classifyMessage(text: string, context: MessageContext, entries: readonly CompiledEntry[] = MESSAGE_ENTRIES): MessageClass | null {
  if (entries !== MESSAGE_ENTRIES) return classifyFolded(foldMessage(text), context, entries, true);
  // Several detectors (and every re-read of a changing page) ask about the same few messages.
  const key = `${context.role}|${context.raised ? 1 : 0}|${text}`;
  if (memo.has(key)) return memo.get(key)!;
  const found = classifyFolded(foldMessage(text), context, entries, true);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, found);
  return found;
}

function classifyFolded(folded: string, context: MessageContext, entries: readonly CompiledEntry[], allowRelay: boolean): MessageClass | null {
  const normalized = normalizeMessage(folded);
  if (!normalized) return null;
  const hits: Hit[] = [];
  for (const entry of entries) {
    if (entry.on && entry.on !== context.role) continue;
    if (entry.raisedOnly && !context.raised) continue;
    if (entry.unlessRegex?.test(folded)) continue;
    const hit = matchEntry(entry, folded, normalized);
    if (hit) hits.push(hit);
  }
  if (allowRelay) {
    for (const relay of hits.filter((hit) => hit.entry.relay)) {
      // The provider speaks in the rest of the message, whatever page relays it.
      const inner = classifyFolded(folded.slice(relay.end), { ...context, role: 'provider' }, entries, false);
      if (inner && inner.kind !== 'none') {
        return { ...inner, relayedBy: relay.entry, folded, start: relay.start, end: relay.end + inner.end };
      }
    }
  }
  const best = hits.reduce<Hit | null>((top, hit) => (top && !better(hit, top) ? top : hit), null);
  if (!best) return null;
  return {
    entry: best.entry,
    kind: best.entry.kind,
    responsibility: resolveResponsibility(best.entry, context.role),
    strength: best.strength,
    relayedBy: null,
    folded,
    start: best.start,
    end: best.end,
  };
}

function matchEntry(entry: CompiledEntry, folded: string, normalized: string): Hit | null {
  let words = '';
  for (const word of entry.words) if (word.length > words.length && normalized.includes(word)) words = word;
  for (const template of entry.templates) {
    const match = template.exec(normalized);
    if (match && match[0].length > words.length) words = match[0];
  }
  let best: Hit | null = null;
  if (words) {
    const span = locate(folded, words);
    best = { entry, strength: words.length, start: span.start, end: span.end };
  }
  if (entry.regex) {
    const match = entry.regex.exec(folded);
    if (match) {
      const length = normalizeMessage(match[0]).length;
      if (length > 0 && length >= (best?.strength ?? 0)) best = { entry, strength: length, start: match.index, end: match.index + match[0].length };
    }
  }
  return best;
}

/** Where normalised words sit in the folded text they came from (punctuation may sit between them). */
function locate(folded: string, normalizedWords: string): { start: number; end: number } {
  const loose = new RegExp(
    Array.from(normalizedWords, (char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]*'),
    'u',
  );
  const match = loose.exec(folded);
  return match ? { start: match.index, end: match.index + match[0].length } : { start: 0, end: folded.length };
}

function better(hit: Hit, than: Hit): boolean {
  // A failure that names its cause (错误代码 isv.invalid-app-id) outranks a longer bare "请求出现错误，暂时无法付款" beside it
  // (only a system's own entry: a generic "try again later" names no cause).
  if (isVague(hit) !== isVague(than) && hit.entry.kind !== 'none' && than.entry.kind !== 'none' && !(isVague(hit) ? than : hit).entry.generic) return isVague(than);
  if (hit.strength !== than.strength) return hit.strength > than.strength;
  if (hit.entry.generic !== than.entry.generic) return !hit.entry.generic;
  // On a tie a failure outranks "not a failure" (支付成功 vs 发货失败 of equal length).
  return hit.entry.kind !== 'none' && than.entry.kind === 'none';
}

function isVague(hit: Hit): boolean {
  return hit.entry.reason === 'payment_failed_unexplained';
}

function resolveResponsibility(entry: CompiledEntry, role: PageRole): Responsibility | null {
  if (entry.responsibility === 'by_host') return serverOwner(role);
  return entry.responsibility;
}
