import { classifyMessage } from '../classify-message';
import type { Detector } from '../detector';
import { FAILURE_WORDS } from '../failure-words';
import { pageRole, serverOwner } from '../page-role';
import { pageMessages, oneLine, type ShownMessage } from '../shown-messages';
import { surfaceById } from '../surfaces/catalog';
import { normalizeMessage } from '../text/normalize';

// A message surface is showing words no table knows. An error surface (an error shell, an error
// toast, a dialog with the error icon) is showing a failure whatever its words; a neutral one (a
// layer.msg without an icon, a dialog) when its words complain. Kept as `unrecognized_message`,
// verbatim, with nobody blamed: a missed failure leaves the shopper with no evidence, an honest
// "cannot tell who" does not. Runs after the rules that read an order's own state.

export const unnamedMessage: Detector = {
  id: 'unnamed-message',
  detect(page) {
    const role = pageRole(page);
    const unnamed = pageMessages(page.snapshot).find((message) => isUnnamedFailure(message, role));
    if (!unnamed) return null;
    const surface = unnamed.surface ? { surface: unnamed.surface.id } : {};
    // A debug page's exception is the answering server failing, whatever its words.
    if (unnamed.surface && surfaceById(unnamed.surface.id)?.shows === 'server_exception') {
      return { kind: 'payment_error', responsibility: serverOwner(role), reasonCode: 'server_exception', message: oneLine(unnamed.text), ...surface };
    }
    return { kind: 'payment_error', responsibility: null, reasonCode: 'unrecognized_message', message: oneLine(unnamed.text), ...surface };
  },
};

function isUnnamedFailure(message: ShownMessage, role: ReturnType<typeof pageRole>): boolean {
  const tone = message.surface?.tone;
  if (!tone || tone === 'success' || tone === 'busy') return false;
  const known = classifyMessage(message.text, { role, raised: true });
  // A message a table calls harmless ("复制成功", "请先登录") stays harmless unless more is said.
  if (known?.kind === 'none' && !FAILURE_WORDS.test(known.folded.slice(0, known.start) + known.folded.slice(known.end))) return false;
  if (tone === 'error') return normalizeMessage(message.text).length >= 2;
  return FAILURE_WORDS.test(message.text);
}
