import { isOpenState } from '../detect/facts/order-status';
import type { OrderRecord } from './order-record';

// The refund rules turn on time: an order still pending or processing past the threshold is the
// shop's failure to deliver. Younger open orders are watched; any other state ends the watch
// (completed, refunded, cancelled, expired — an expired unpaid order never took money).

const HOUR = 3_600_000;

export type WatchState =
  | { kind: 'watching'; ageMs: number; msLeft: number }
  | { kind: 'stalled'; ageMs: number }
  /** Not an open order (yet or any more): awaiting payment, finished, failed or unknown status. */
  | { kind: 'not_watched' };

export function watchState(record: Pick<OrderRecord, 'state' | 'createdAt'>, now: number, thresholdHours: number): WatchState {
  if (!isOpenState(record.state)) return { kind: 'not_watched' };
  const ageMs = Math.max(0, now - Date.parse(record.createdAt));
  const limit = thresholdHours * HOUR;
  return ageMs >= limit ? { kind: 'stalled', ageMs } : { kind: 'watching', ageMs, msLeft: limit - ageMs };
}

/** Whole hours and minutes, the way the shopper reads an age or a time left ("30 h 05 min"). */
export function hoursAndMinutes(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Records that just crossed into stalled and have not been announced yet. */
export function newlyStalled<T extends Pick<OrderRecord, 'state' | 'createdAt' | 'watch'>>(
  records: readonly T[],
  now: number,
  thresholdHours: number,
): T[] {
  return records.filter((record) => !record.watch.stalledNotifiedAt && watchState(record, now, thresholdHours).kind === 'stalled');
}
