import type { ShopBadge } from './shop-badge';
import type { EscrowState } from './escrow';

// The one plain line on top of the "this shop" section: the first thing to check before paying
// here. Chosen by a fixed order, from the shopper's own trouble here down to general care, so the
// same facts always give the same line. Each code is a `_locales` message `advice_<code>`.

export type Advice =
  | 'open_case'
  | 'stalled_order'
  | 'icp_malformed'
  | 'no_identity'
  | 'unfair_clause'
  | 'aggregator'
  | 'crypto_only'
  | 'escrow'
  | 'promise_kept'
  | 'not_read'
  | 'keep_order';

export interface AdviceFacts {
  page: { role: string } | null;
  badge: ShopBadge;
  aggregators: readonly unknown[];
  payments: ReadonlyArray<{ method: string }>;
  escrow: { state: EscrowState | null };
  promises: ReadonlyArray<{ keptAt: string | null }>;
}

export function adviceFor(facts: AdviceFacts): Advice {
  const setBy = facts.badge.setBy;
  if (setBy) return setBy;
  if (!facts.page) return 'not_read';
  if (facts.aggregators.length > 0) return 'aggregator';
  if (facts.payments.length > 0 && facts.payments.every((payment) => payment.method === 'crypto')) return 'crypto_only';
  if (facts.escrow.state === 'offered') return 'escrow';
  if (facts.promises.length > 0) return 'promise_kept';
  return 'keep_order';
}
