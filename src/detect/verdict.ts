import type { CaptureKind, Responsibility } from '../evidence/capture-entry';

export type VerdictKind = CaptureKind | 'none';

export interface OrderFacts {
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  /** ISO-8601 with offset; a time shown without a zone is read as Asia/Shanghai. */
  createdAt: string | null;
}

export interface Verdict extends OrderFacts {
  kind: VerdictKind;
  responsibility: Responsibility | null;
  /** Key of the rule that decided, also the `_locales` message name `reason_<code>`. */
  reasonCode: string;
  message: string;
  relatedOrderIds: string[];
  /** What decided (for `npm run eval`'s per-surface and per-table counts; not stored): the detector, the table entry, the surface. */
  decidedBy?: DecidedBy;
}

export interface DecidedBy {
  detector: string;
  entry?: string;
  surface?: string;
}

export const NO_FACTS: OrderFacts = { orderId: null, amount: null, currency: null, status: null, createdAt: null };

export function noneVerdict(facts: OrderFacts = NO_FACTS): Verdict {
  return { ...facts, kind: 'none', responsibility: null, reasonCode: 'none', message: '', relatedOrderIds: [] };
}
