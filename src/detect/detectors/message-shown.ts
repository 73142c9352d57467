import { classifyMessage, type MessageClass } from '../classify-message';
import { phraseIsTalkedAbout } from '../decisive-text';
import type { Detector } from '../detector';
import { pageRole } from '../page-role';
import { pageMessages, oneLine, type ShownMessage } from '../shown-messages';
import { normalizeMessage } from '../text/normalize';

// The page is showing a message — in one of the known message surfaces (an error shell, a toast, a
// dialog: surfaces/*.json) or as a short line of its own — that a message table (messages/*.json)
// knows: the table says what kind of failure it is, who answers for it, and why.

/** A plain line may carry this many other characters around a phrase (a title, "，请返回重试"). */
const MAX_EXTRA = 30;
/** …or this much detail after a phrase it opens with (a provider's relayed error). */
const MAX_DETAIL = 160;

/** A page printing this many different known messages as plain lines is a list of them (a help page, an error-code table). */
const CATALOGUE_ENTRIES = 3;

export const messageShown: Detector = {
  id: 'message-shown',
  detect(page) {
    const role = pageRole(page);
    const hits = pageMessages(page.snapshot).flatMap((message) => {
      const found = classifyMessage(message.text, { role, raised: message.raised });
      return found && found.kind !== 'none' && counts(found, message) ? [{ found, message }] : [];
    });
    const plainEntries = new Set(hits.filter(({ message }) => !message.surface).map(({ found }) => found.entry.id));
    const catalogue = plainEntries.size >= CATALOGUE_ENTRIES;
    const counted = hits.filter(({ message }) => message.surface || !catalogue);
    // The first place that speaks (an error surface, then other surfaces, then the page's lines);
    // there, a message that names a cause ("该银行系统维护中") outranks one that only says it failed.
    const group = counted[0] && speaker(counted[0].message);
    const sameGroup = counted.filter(({ message }) => speaker(message) === group);
    const hit = sameGroup.find(({ found }) => found.responsibility !== null) ?? sameGroup[0];
    if (!hit) return null;
    return {
      kind: hit.found.kind === 'user_error' ? 'user_error' : 'payment_error',
      responsibility: hit.found.responsibility,
      reasonCode: hit.found.entry.reason,
      message: oneLine(hit.message.text),
      entry: hit.found.entry.id,
      ...(hit.message.surface ? { surface: hit.message.surface.id } : {}),
    };
  },
};

/** One place speaking: a surface of one kind (Alipay's error box prints its title and its error code as two boxes of one kind), or the page's own lines. */
function speaker(message: ShownMessage): string {
  return message.surface ? `surface:${message.surface.id}` : 'page';
}

/** A table entry counts only where the message is that message, not talk about it. */
function counts(found: MessageClass, message: ShownMessage): boolean {
  const before = found.folded.slice(0, found.start);
  if (phraseIsTalkedAbout(before, found.folded.slice(found.end))) return false;
  if (message.surface) return true;
  const extra = normalizeMessage(found.folded).length - found.strength;
  const opens = normalizeMessage(before).length <= 2;
  return extra <= (opens ? MAX_DETAIL : MAX_EXTRA);
}
