import type { Detector } from '../detector';
import { findDecisive } from '../decisive-text';

// The page says the payment failed and gives no cause ("支付失败", "付款失败，请重试", "Payment
// failed"): a failure worth keeping, but who is at fault cannot be read from it, so responsibility
// is null rather than a guess. Runs after every detector that can name a cause. Only a message the
// page itself raises counts: a dialog, toast, alert or heading, and only a short one.
const FAILED = /^(支付失败|付款失败|交易失败|扣款失败|payment (?:has )?failed|payment (?:was )?unsuccessful|transaction failed)[!！。.，,]?/i;
const RAISED = new Set(['alert', 'toast', 'dialog', 'heading']);

export const paymentFailedUnexplained: Detector = {
  id: 'payment-failed-unexplained',
  fixtures: [],
  detect({ snapshot }) {
    const raised = snapshot.blocks.filter((block) => block.hints.some((hint) => RAISED.has(hint)));
    const hit = findDecisive(raised, FAILED, { maxExtraChars: 0, maxDetailChars: 24 });
    return hit ? { kind: 'payment_error', responsibility: null, reasonCode: 'payment_failed_unexplained', message: hit.message } : null;
  },
};
