import type { CaptureKind, Responsibility } from '../evidence/capture-entry';
import type { PaymentFinding } from './payment-state';

// What the shopper asks for, and of whom, in which order. One rule for the checklist, the popup's
// support message and the bundle's complaint drafts:
//   paid, the shop failed        → delivery or a refund: the shop, then the payment platform, then 12315;
//   paid, a third party failed   → the payment platform's dispute route first, then the shop;
//   paid, nobody can tell        → the shop, then the payment platform, then 12315 (the shop holds the money);
//   charged twice                → a refund of the extra charge, citing every payment record;
//   unknown whether money moved  → only a question to the shop, and the shopper checks the bill;
//   not paid, settled, the shopper's own side, or no failure at all → no demand and no draft:
//     the checklist says what to fix and how to retry safely.

export type Demand = 'deliver_or_refund' | 'refund' | 'refund_extra' | 'return_deducted' | 'confirm_payment';
export type Party = 'shop' | 'payment_platform' | '12315';
export type NoClaimReason = 'user_side' | 'not_paid' | 'settled' | 'no_failure';

export type CaseClaim =
  | { demand: Demand; route: Party[] }
  | { demand: null; why: NoClaimReason; route: [] };

export interface ClaimInput {
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  payment: PaymentFinding;
}

const FAULT_KINDS: ReadonlySet<string> = new Set(['payment_error', 'user_error', 'stalled_order', 'duplicate_charge']);
const REFUND_ONLY = new Set(['out_of_stock', 'order_failed_by_shop']);

export function caseClaim(input: ClaimInput): CaseClaim {
  const none = (why: NoClaimReason): CaseClaim => ({ demand: null, why, route: [] });
  if (!FAULT_KINDS.has(input.kind)) return none('no_failure');
  if (input.responsibility === 'user') return none('user_side');
  if (input.payment.state === 'not_paid') return none('not_paid');
  if (input.payment.settled) return none('settled');
  if (input.payment.state === 'unknown') return { demand: 'confirm_payment', route: ['shop'] };
  const thirdParty = input.responsibility === 'third_party';
  const route: Party[] = thirdParty ? ['payment_platform', 'shop'] : ['shop', 'payment_platform', '12315'];
  if (input.kind === 'duplicate_charge') return { demand: 'refund_extra', route };
  if (thirdParty) return { demand: 'return_deducted', route };
  return { demand: REFUND_ONLY.has(input.reasonCode) ? 'refund' : 'deliver_or_refund', route };
}
