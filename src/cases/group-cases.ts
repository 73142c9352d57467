import type { CaptureEntry, CaptureKind, Responsibility } from '../evidence/capture-entry';
import { caseKeys } from './case-keys';

// A case is what the shopper thinks about: one purchase attempt — one order, or the captures of one
// tab's checkout without an order id (attempt-case.ts). Grouping is a partition by the case each
// capture was sealed into, with older per-day records split at read time (case-keys.ts); the popup
// and the bundle never guess which captures belong together.

export interface CaseSummary {
  caseId: string;
  site: string;
  orderId: string | null;
  /** The last amount any capture of the case showed. */
  amount: number | null;
  currency: string | null;
  /** The verdict that decides the case (see `decidingCapture`). */
  responsibility: Responsibility | null;
  kind: CaptureKind;
  reasonCode: string;
  reason: string;
  message: string;
  firstAt: string;
  lastAt: string;
  /** Oldest first: the order in which things happened. */
  captures: CaptureEntry[];
  /** Failure captures whose verdict differs from the deciding one's (empty when they agree). */
  disagreeing: CaptureEntry[];
}

// The verdict rule: the strongest kind of capture decides — a charge taken twice, then a payment
// error or a stalled order, then a failure on the shopper's side, then a plain status page; among
// equals the latest word wins (a stalled order that later shows a gateway error is a gateway
// error case). Anything else — a terms record, a page kept by hand, a file the shopper attached —
// supports a case but never decides it. Failure captures that name another party are kept as
// `disagreeing`, so the case view can say so.
const KIND_WEIGHT: Partial<Record<CaptureKind, number>> = {
  duplicate_charge: 5,
  payment_error: 4,
  stalled_order: 4,
  user_error: 3,
  order_status: 1,
};

const FAULT_WEIGHT = 3;

function weight(kind: CaptureKind): number {
  return KIND_WEIGHT[kind] ?? 0;
}

export function groupCases(entries: readonly CaptureEntry[]): CaseSummary[] {
  const keys = caseKeys(entries);
  const byCase = new Map<string, CaptureEntry[]>();
  for (const entry of entries) {
    const key = keys.get(entry.id)!;
    const list = byCase.get(key);
    if (list) list.push(entry);
    else byCase.set(key, [entry]);
  }
  const cases = [...byCase.entries()].map(([caseId, list]) => summarise(caseId, list));
  // Newest activity first: the case the shopper is dealing with now is on top.
  return cases.sort((a, b) => compareTime(b.lastAt, a.lastAt) || a.caseId.localeCompare(b.caseId));
}

function summarise(caseId: string, list: CaptureEntry[]): CaseSummary {
  const captures = [...list].sort((a, b) => compareTime(a.capturedAt, b.capturedAt));
  const deciding = decidingCapture(captures);
  const withAmount = captures.findLast((entry) => entry.amount !== null);
  return {
    caseId,
    // Every case id starts with the shop's site (not a gateway's that joined the case).
    site: caseId.includes('#') ? caseId.slice(0, caseId.indexOf('#')) : deciding.site,
    orderId: captures.findLast((entry) => entry.orderId)?.orderId ?? null,
    amount: withAmount?.amount ?? null,
    currency: withAmount?.currency ?? null,
    responsibility: deciding.responsibility,
    kind: deciding.kind,
    reasonCode: deciding.reasonCode,
    reason: deciding.reason,
    message: deciding.message,
    firstAt: captures[0]!.capturedAt,
    lastAt: captures.at(-1)!.capturedAt,
    captures,
    disagreeing: captures.filter(
      (entry) => weight(entry.kind) >= FAULT_WEIGHT && entry.responsibility !== null && entry.responsibility !== deciding.responsibility,
    ),
  };
}

export function decidingCapture(captures: readonly CaptureEntry[]): CaptureEntry {
  let best = captures[0]!;
  for (const entry of captures) {
    if (weight(entry.kind) >= weight(best.kind)) best = entry;
  }
  return best;
}

/** Captures carry ISO times with offsets; compare instants, not strings. */
function compareTime(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
