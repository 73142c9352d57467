import { orderState, type OrderState } from '../detect/facts/order-status';
import type { CaptureEntry } from '../evidence/capture-entry';

// Did money move? The pages say so only sometimes: an order shown as 处理中 was paid, 待支付 or 已过期
// was not, a balance or card refusal took nothing; a gateway error page alone cannot tell. What
// the shopper answers (they can see their bill; we cannot) wins over the pages. Read newest
// capture first: the latest word about the order counts.

export type PaymentState = 'paid' | 'not_paid' | 'unknown';

export interface PaymentFinding {
  state: PaymentState;
  /** The order was delivered or refunded after all: nothing is owed. */
  settled: boolean;
  /** `shopper` = their own answer; `capture` = the capture `captureId` showed it; `none` = unknown. */
  source: 'shopper' | 'capture' | 'none';
  captureId: string | null;
}

const PAID_STATES: ReadonlySet<OrderState> = new Set(['pending', 'processing', 'completed', 'refunded']);
const UNPAID_STATES: ReadonlySet<OrderState> = new Set(['awaiting_payment', 'expired', 'cancelled']);
const SETTLED_STATES: ReadonlySet<OrderState> = new Set(['completed', 'refunded']);

// Reasons that say by themselves whether money moved (src/detect/detectors). A reason not listed
// here — including one added later — says nothing, and the case stays `unknown`.
const PAID_REASONS = new Set(['out_of_stock', 'delivery_failed', 'order_stalled', 'order_stalled_since_first_seen', 'charged_twice_one_order']);
const UNPAID_REASONS = new Set([
  'insufficient_balance',
  'user_input_error',
  'user_cancelled',
  'order_expired',
  'card_declined',
  'bank_or_risk_control',
  'order_awaiting_payment',
]);

export function paymentState(captures: readonly CaptureEntry[], shopperSays: 'yes' | 'no' | null = null): PaymentFinding {
  const fromPages = fromCaptures(captures);
  if (shopperSays === 'yes') return { ...fromPages, state: 'paid', source: 'shopper', captureId: null };
  if (shopperSays === 'no') return { state: 'not_paid', settled: false, source: 'shopper', captureId: null };
  return fromPages;
}

function fromCaptures(captures: readonly CaptureEntry[]): PaymentFinding {
  const newestFirst = [...captures].sort((a, b) => Date.parse(b.capturedAt) - Date.parse(a.capturedAt));
  const charged = newestFirst.find((entry) => entry.kind === 'duplicate_charge' || entry.kind === 'stalled_order');
  for (const entry of newestFirst) {
    const state = orderState(entry.status);
    const found = (paid: boolean): PaymentFinding => ({
      state: paid ? 'paid' : 'not_paid',
      settled: paid && state !== null && SETTLED_STATES.has(state) && entry.kind !== 'duplicate_charge',
      source: 'capture',
      captureId: entry.id,
    });
    if (entry.kind === 'duplicate_charge' || entry.kind === 'stalled_order' || PAID_REASONS.has(entry.reasonCode)) return found(true);
    if (state && PAID_STATES.has(state)) return found(true);
    // A later 待支付 does not undo a charge an earlier page showed.
    if (!charged && ((state && UNPAID_STATES.has(state)) || UNPAID_REASONS.has(entry.reasonCode))) return found(false);
  }
  return { state: 'unknown', settled: false, source: 'none', captureId: null };
}
