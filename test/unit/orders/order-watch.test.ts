import { describe, expect, it } from 'vitest';
import { orderState } from '../../../src/detect/facts/order-status';
import { hoursAndMinutes, newlyStalled, watchState } from '../../../src/orders/order-watch';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-28T12:00:00+08:00');
const record = (status: string, ageHours: number, stalledNotifiedAt: string | null = null) => ({
  state: orderState(status),
  createdAt: new Date(NOW - ageHours * HOUR).toISOString(),
  watch: { stalledNotifiedAt, duplicatesCaptured: [] },
});

describe('watchState: the stall rule', () => {
  it.each(['处理中', '待处理', '已付款', 'Processing', 'pending'])('%s past 24 h is stalled, stating the age', (status) => {
    expect(watchState(record(status, 30), NOW, 24)).toEqual({ kind: 'stalled', ageMs: 30 * HOUR });
  });

  it('a younger open order is watched, with the time left', () => {
    expect(watchState(record('处理中', 23.5), NOW, 24)).toEqual({ kind: 'watching', ageMs: 23.5 * HOUR, msLeft: 0.5 * HOUR });
  });

  it('the threshold is a setting', () => {
    expect(watchState(record('处理中', 3), NOW, 2).kind).toBe('stalled');
    expect(watchState(record('处理中', 3), NOW, 48).kind).toBe('watching');
  });

  it.each(['已完成', '已退款', '已取消', '已过期', '待支付', '失败'])('%s is not watched, however old', (status) => {
    expect(watchState(record(status, 500), NOW, 24)).toEqual({ kind: 'not_watched' });
  });

  it('an order crossing the threshold is announced once', () => {
    const fresh = record('处理中', 23.9);
    const crossed = record('处理中', 24.1);
    const announced = record('处理中', 30, '2026-11-28T10:00:00+08:00');
    expect(newlyStalled([fresh, crossed, announced], NOW, 24)).toEqual([crossed]);
    // The same order, later on the fake clock, crosses too.
    expect(newlyStalled([fresh], NOW + 0.2 * HOUR, 24)).toEqual([fresh]);
  });

  it('says ages in hours and minutes', () => {
    expect(hoursAndMinutes(30 * HOUR + 5 * 60_000)).toBe('30 h 05 min');
  });
});
