import type { Detector } from '../detector';
import { findDecisive } from '../decisive-text';
import { snapshotText } from '../page-snapshot';

// The page says the payment failed and gives no cause ("支付失败", "付款失败，请重试", "Payment
// failed"): a failure worth keeping, but who is at fault cannot be read from it, so responsibility
// is null rather than a guess. Runs after every detector that can name a cause. Only a message the
// page itself raises counts: a dialog, toast or alert, or the heading of a short result page (a
// help centre's "支付失败" topic heading sits on a long page and is not one).
const FAILED = /^(支付失败|付款失败|交易失败|扣款失败|payment (?:has )?failed|payment (?:was )?unsuccessful|transaction failed)[!！。.，,]?/i;
const RAISED = new Set(['alert', 'toast', 'dialog']);
const RESULT_PAGE_MAX_CHARS = 600;

export const paymentFailedUnexplained: Detector = {
  id: 'payment-failed-unexplained',
  fixtures: [],
  detect({ snapshot }) {
    const short = snapshotText(snapshot).length <= RESULT_PAGE_MAX_CHARS;
    const raised = snapshot.blocks.filter(
      (block) => block.hints.some((hint) => RAISED.has(hint)) || (short && block.hints.includes('heading')),
    );
    const hit = findDecisive(raised, FAILED, { maxExtraChars: 0, maxDetailChars: 24 });
    return hit ? { kind: 'payment_error', responsibility: null, reasonCode: 'payment_failed_unexplained', message: hit.message } : null;
  },
};
