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

export const messageShown: Detector = {
  id: 'message-shown',
  detect(page) {
    const role = pageRole(page);
    for (const message of pageMessages(page.snapshot)) {
      const found = classifyMessage(message.text, { role, raised: message.raised });
      if (!found || found.kind === 'none' || !counts(found, message)) continue;
      return {
        kind: found.kind,
        responsibility: found.responsibility,
        reasonCode: found.entry.reason,
        message: oneLine(message.text),
      };
    }
    return null;
  },
};

/** A table entry counts only where the message is that message, not talk about it. */
function counts(found: MessageClass, message: ShownMessage): boolean {
  const before = found.folded.slice(0, found.start);
  if (phraseIsTalkedAbout(before, found.folded.slice(found.end))) return false;
  if (message.surface) return true;
  const extra = normalizeMessage(found.folded).length - found.strength;
  const opens = normalizeMessage(before).length <= 2;
  return extra <= (opens ? MAX_DETAIL : MAX_EXTRA);
}
