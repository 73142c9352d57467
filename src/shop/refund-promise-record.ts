import type { PageSnapshot } from '../detect/page-snapshot';
import { NO_FACTS, type Verdict } from '../detect/verdict';
import type { CaptureEntry } from '../evidence/capture-entry';
import { sha256Hex } from '../evidence/sha256';
import { findRefundPromises, promiseKey } from './refund-promises';

// A refund promise kept as evidence is an ordinary capture record of bundle format v1: kind
// "terms" (what the shop states; nobody at fault), reasonCode "terms_refund_promise", and the
// promise verbatim as its `message`. So it is hashed, chained, exported and verified like any
// capture, and anything that reads records — the report, the complaint drafts' shop statements —
// can quote it with its capture id and time without opening the page text.

export const REFUND_PROMISE_REASON = 'terms_refund_promise';

export function isRefundPromiseRecord(capture: Pick<CaptureEntry, 'kind' | 'reasonCode'>): boolean {
  return capture.kind === 'terms' && capture.reasonCode === REFUND_PROMISE_REASON;
}

/**
 * The worker's own decision on a page that asks to keep `requested`: a verdict when its rules find
 * that very promise on the page, else null (a page cannot talk the worker into keeping a text).
 */
export function refundPromiseVerdict(snapshot: PageSnapshot, requested: string): Verdict | null {
  const wanted = promiseKey(requested);
  const promise = findRefundPromises(snapshot.blocks).find((seen) => promiseKey(seen.text) === wanted);
  if (!promise) return null;
  return { ...NO_FACTS, kind: 'terms', responsibility: null, reasonCode: REFUND_PROMISE_REASON, message: promise.text, relatedOrderIds: [] };
}

/**
 * Once per site and promise: the idempotency key of its capture, so a second page, tab or visit
 * showing the same words finds the first capture instead of making another.
 */
export async function refundPromiseRequestKey(site: string, text: string): Promise<string> {
  return `refund-promise:${site}:${await sha256Hex(`${site}\n${promiseKey(text)}`)}`;
}
