import { describe, expect, it } from 'vitest';
import { deadlineState, escalationSteps, newlyOverdue, paymentChannelOf, startSupportDeadline } from '../../../src/orders/support-deadline';

const HOUR = 3_600_000;
const iso = (d: Date) => d.toISOString();
const contacted = new Date('2026-11-28T02:00:00Z');

describe('support deadline', () => {
  it('starts at the contact time and runs for the set hours', () => {
    const deadline = startSupportDeadline('shop.example#order:A1', contacted, 24, 'alipay', iso);
    expect(deadline).toMatchObject({ contactedAt: '2026-11-28T02:00:00.000Z', dueAt: '2026-11-29T02:00:00.000Z', resolvedAt: null });
    expect(deadlineState(deadline, contacted.getTime() + 23 * HOUR)).toEqual({ kind: 'waiting', msLeft: HOUR });
    expect(deadlineState(deadline, contacted.getTime() + 25 * HOUR)).toEqual({ kind: 'overdue', msOver: HOUR });
  });

  it('a resolved case is never overdue; an overdue one is announced once', () => {
    const open = startSupportDeadline('c1', contacted, 24, 'unknown', iso);
    const resolved = { ...startSupportDeadline('c2', contacted, 24, 'unknown', iso), resolvedAt: '2026-11-28T05:00:00Z' };
    const told = { ...startSupportDeadline('c3', contacted, 24, 'unknown', iso), overdueNotifiedAt: '2026-11-29T03:00:00Z' };
    const later = contacted.getTime() + 48 * HOUR;
    expect(deadlineState(resolved, later)).toEqual({ kind: 'resolved' });
    expect(newlyOverdue([open, resolved, told], later).map((d) => d.caseId)).toEqual(['c1']);
    expect(newlyOverdue([open], contacted.getTime() + HOUR)).toEqual([]);
  });

  it('points to the payment platform first, then 12315', () => {
    expect(escalationSteps('alipay')).toEqual(['escalate_alipay', 'escalate_12315']);
    expect(escalationSteps('wechat')).toEqual(['escalate_wechat', 'escalate_12315']);
    expect(escalationSteps('unknown')).toEqual(['escalate_alipay', 'escalate_wechat', 'escalate_12315']);
  });

  it('reads the channel from what the case showed', () => {
    expect(paymentChannelOf(['https://shop.example/pay-gateway/epay/alipay/A1'])).toBe('alipay');
    expect(paymentChannelOf(['支付网关异常！Get Wechat API Error'])).toBe('wechat');
    expect(paymentChannelOf(['订单详情'])).toBe('unknown');
  });
});
