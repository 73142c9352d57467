import { describe, expect, it } from 'vitest';
import { groupCases } from '../../../src/cases/group-cases';
import { filterCases } from '../../../src/cases/filter-cases';
import { capture } from '../../helpers/case-builders';

describe('groupCases', () => {
  it("partitions by case (an old day record's terms page joins the site terms case) and orders captures oldest first, cases newest first", () => {
    const cases = groupCases([
      capture({ id: 'a2', capturedAt: '2026-11-28T10:00:00+08:00', kind: 'order_status', responsibility: null, status: '处理中' }),
      capture({ id: 'b1', orderId: 'OTHER000000002', capturedAt: '2026-11-28T11:00:00+08:00' }),
      capture({ id: 'a1', capturedAt: '2026-11-28T09:00:00+08:00' }),
      capture({ id: 'd1', orderId: null, capturedAt: '2026-11-28T08:00:00+08:00', kind: 'terms', responsibility: null }),
    ]);
    expect(cases.map((item) => item.caseId)).toEqual([
      'shop.example#order:OTHER000000002',
      'shop.example#order:ORDER0000000001',
      'shop.example#terms',
    ]);
    expect(cases[1]!.captures.map((entry) => entry.id)).toEqual(['a1', 'a2']);
  });

  it('lets a fault decide the case over a later plain status capture', () => {
    const [only] = groupCases([
      capture({ id: 'x1', capturedAt: '2026-11-28T09:00:00+08:00' }),
      capture({ id: 'x2', capturedAt: '2026-11-28T12:00:00+08:00', kind: 'order_status', responsibility: null, reasonCode: 'order_open_watching' }),
    ]);
    expect(only).toMatchObject({ kind: 'payment_error', responsibility: 'platform', reasonCode: 'shop_gateway_error', lastAt: '2026-11-28T12:00:00+08:00' });
  });

  it('compares instants, not strings, across time zones', () => {
    const cases = groupCases([
      capture({ id: 'early', orderId: 'EARLY000000001', capturedAt: '2026-11-28T09:00:00+08:00' }),
      // 02:30Z is 10:30 in Shanghai: later, though its string sorts first.
      capture({ id: 'late', orderId: 'LATE0000000001', capturedAt: '2026-11-28T02:30:00Z' }),
    ]);
    expect(cases[0]!.orderId).toBe('LATE0000000001');
  });

  it('never lets a supporting record (terms, attachment) decide the verdict', () => {
    const [only] = groupCases([
      capture({ id: 'p', kind: 'stalled_order' }),
      capture({ id: 'q', kind: 'terms', responsibility: null, capturedAt: '2026-11-28T12:00:00+08:00' }),
    ]);
    expect(only!.kind).toBe('stalled_order');
  });
});

describe('filterCases', () => {
  const cases = groupCases([
    capture({ id: 'f1', site: 'ka.example', orderId: 'KA000000000001' }),
    capture({ id: 'f2', site: 'pay.example', orderId: 'PAY00000000001', responsibility: 'third_party', message: '风控拦截' }),
    capture({ id: 'f3', site: 'pay.example', orderId: null, kind: 'terms', responsibility: null }),
  ]);

  it('matches site, order id and message, case-insensitively', () => {
    expect(filterCases(cases, { text: 'KA.EX', verdict: 'all' }).map((item) => item.site)).toEqual(['ka.example']);
    expect(filterCases(cases, { text: 'pay00000', verdict: 'all' })).toHaveLength(1);
    expect(filterCases(cases, { text: '风控', verdict: 'all' })).toHaveLength(1);
  });

  it('filters by verdict, with "none" for undecided cases', () => {
    expect(filterCases(cases, { text: '', verdict: 'third_party' })).toHaveLength(1);
    expect(filterCases(cases, { text: '', verdict: 'none' }).map((item) => item.kind)).toEqual(['terms']);
    expect(filterCases(cases, { text: 'pay', verdict: 'platform' })).toHaveLength(0);
  });
});
