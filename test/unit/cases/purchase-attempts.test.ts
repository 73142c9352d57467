import { describe, expect, it } from 'vitest';
import { afterCapture, afterOrdersSeen, assignCase, type TabFlow } from '../../../src/cases/attempt-case';
import { caseClaim } from '../../../src/cases/case-claim';
import { groupCases, type CaseSummary } from '../../../src/cases/group-cases';
import { paymentState } from '../../../src/cases/payment-state';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { capture } from '../../helpers/case-builders';

// Real flows as the worker sees them: each tab's order observations and captures, in time order,
// go through the same pure rules the worker uses (attempt-case.ts); the cases are then read back
// with groupCases, as the popup and the bundle do.

type Step =
  | { tab: string; at: string; sees: { site: string; orderId: string } }
  | { tab: string; at: string; captures: Partial<CaptureEntry> & { id: string } };

function run(steps: readonly Step[]): CaptureEntry[] {
  const flows = new Map<string, TabFlow>();
  const out: CaptureEntry[] = [];
  for (const step of steps) {
    const flow = flows.get(step.tab) ?? { tab: `tab-${step.tab}`, order: null, lastCase: null };
    if ('sees' in step) {
      flows.set(step.tab, afterOrdersSeen(flow, step.sees.site, [step.sees.orderId], step.at));
      continue;
    }
    const base = capture({ orderId: null, ...step.captures, capturedAt: step.at });
    const facts = { id: base.id, site: base.site, orderId: base.orderId, kind: base.kind, capturedAt: step.at };
    const { caseId, attempt } = assignCase(facts, flow);
    out.push({ ...base, caseId, attempt });
    flows.set(step.tab, afterCapture(flow, facts, caseId));
  }
  return out;
}

const claimOf = (summary: CaseSummary) => caseClaim({ ...summary, payment: paymentState(summary.captures) });

const SHOP = 'shop.example';
const GATEWAY = 'pay.gateway.example';
const t = (hhmm: string, day = '28') => `2026-11-${day}T${hhmm}:00.000+08:00`;

describe('one case per purchase attempt', () => {
  it('product page → failed gateway → retry → success is one case, settled', () => {
    const entries = run([
      { tab: '1', at: t('10:00'), sees: { site: SHOP, orderId: 'X1' } },
      // The gateway page shows no order number.
      { tab: '1', at: t('10:01'), captures: { id: 'fail-1', site: GATEWAY, url: `https://${GATEWAY}/cashier?token=abc`, reasonCode: 'shop_gateway_error' } },
      { tab: '1', at: t('10:02'), sees: { site: SHOP, orderId: 'X1' } },
      // The retry's gateway names the order in its URL (易支付 out_trade_no), on its own host.
      { tab: '1', at: t('10:03'), captures: { id: 'fail-2', site: GATEWAY, orderId: 'X1', reasonCode: 'provider_refused_shop' } },
      { tab: '1', at: t('10:05'), captures: { id: 'paid', site: SHOP, orderId: 'X1', kind: 'order_status', responsibility: null, status: '已完成', reasonCode: 'manual_capture_order' } },
    ]);
    const cases = groupCases(entries);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.caseId).toBe(`${SHOP}#order:X1`);
    expect(cases[0]!.site).toBe(SHOP);
    expect(cases[0]!.captures.map((entry) => entry.id)).toEqual(['fail-1', 'fail-2', 'paid']);
    expect(entries.map((entry) => entry.attempt?.by)).toEqual(['order_seen_in_tab', 'order_seen_in_tab', 'order_on_page']);
    // Delivered after all: nothing to claim.
    expect(claimOf(cases[0]!)).toEqual({ demand: null, why: 'settled', route: [] });
  });

  it('two products failing the same day on one site are two cases with their own verdicts', () => {
    const entries = run([
      { tab: '1', at: t('09:00'), sees: { site: SHOP, orderId: 'A1' } },
      { tab: '1', at: t('09:01'), captures: { id: 'balance', site: GATEWAY, kind: 'user_error', responsibility: 'user', reasonCode: 'insufficient_balance', message: '余额不足' } },
      // Same tab, later: another product, another order.
      { tab: '1', at: t('11:00'), sees: { site: SHOP, orderId: 'B2' } },
      { tab: '1', at: t('11:01'), captures: { id: 'gateway', site: SHOP, reasonCode: 'shop_gateway_error', message: '支付网关异常！' } },
    ]);
    const cases = groupCases(entries);
    expect(cases.map((item) => [item.caseId, item.responsibility, item.reasonCode])).toEqual([
      [`${SHOP}#order:B2`, 'platform', 'shop_gateway_error'],
      [`${SHOP}#order:A1`, 'user', 'insufficient_balance'],
    ]);
    expect(cases.every((item) => item.disagreeing.length === 0)).toBe(true);
  });

  it('a failure with no order seen in its tab is its own case, and its retries join it', () => {
    const entries = run([
      { tab: '1', at: t('09:00'), sees: { site: SHOP, orderId: 'A1' } },
      { tab: '2', at: t('09:30'), captures: { id: 'lone', site: GATEWAY, reasonCode: 'provider_outage', responsibility: 'third_party' } },
      { tab: '2', at: t('09:35'), captures: { id: 'lone-retry', site: GATEWAY, reasonCode: 'provider_outage', responsibility: 'third_party' } },
      // An hour later in the same tab: a new attempt.
      { tab: '2', at: t('10:40'), captures: { id: 'later', site: GATEWAY, reasonCode: 'provider_outage', responsibility: 'third_party' } },
    ]);
    const cases = groupCases(entries);
    expect(cases.map((item) => item.captures.map((entry) => entry.id))).toEqual([['later'], ['lone', 'lone-retry']]);
    expect(cases[1]!.caseId).toBe(`${GATEWAY}#attempt:lone`);
    expect(entries.map((entry) => entry.attempt?.by)).toEqual(['new_attempt', 'same_tab_attempt', 'new_attempt']);
  });

  it('a stalled order visited on three days, from different tabs, is one case', () => {
    const entries = run(
      ['28', '29', '30'].map((day, i) => ({
        tab: String(i),
        at: t('09:00', day),
        captures: { id: `stall-${day}`, site: SHOP, orderId: 'S1', kind: 'stalled_order' as const, status: '处理中', reasonCode: 'order_stalled' },
      })),
    );
    const cases = groupCases(entries);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.captures).toHaveLength(3);
    expect(claimOf(cases[0]!)).toEqual({ demand: 'deliver_or_refund', route: ['shop', 'payment_platform', '12315'] });
  });

  it('a terms page is never an attempt: it joins the site terms case and does not pull later captures', () => {
    const entries = run([
      { tab: '1', at: t('09:00'), captures: { id: 'terms', site: SHOP, kind: 'terms', responsibility: null, reasonCode: 'terms_refund_policy' } },
      { tab: '1', at: t('09:05'), captures: { id: 'fail', site: SHOP, reasonCode: 'shop_gateway_error' } },
    ]);
    expect(entries.map((entry) => entry.caseId)).toEqual([`${SHOP}#terms`, `${SHOP}#attempt:fail`]);
  });
});

describe('records sealed before attempts existed (one case per site and day)', () => {
  const day = (overrides: Partial<CaptureEntry> & { id: string; capturedAt: string }) => capture({ orderId: null, caseId: `${SHOP}#day:2026-11-28`, ...overrides });

  it('are split at read time: different failures apart, retries of one failure together, terms to the site, files to the day id', () => {
    const cases = groupCases([
      day({ id: 'bal', capturedAt: t('09:00'), kind: 'user_error', responsibility: 'user', reasonCode: 'insufficient_balance' }),
      day({ id: 'gw-1', capturedAt: t('11:00'), reasonCode: 'shop_gateway_error' }),
      day({ id: 'gw-2', capturedAt: t('11:05'), reasonCode: 'shop_gateway_error' }),
      day({ id: 'note', capturedAt: t('11:10'), kind: 'attachment', responsibility: null, reasonCode: 'attachment' }),
      day({ id: 'terms', capturedAt: t('12:00'), kind: 'terms', responsibility: null, reasonCode: 'terms_refund_policy' }),
    ]);
    const byFirst = new Map(cases.map((item) => [item.captures[0]!.id, item]));
    expect(byFirst.get('bal')!.caseId).toBe(`${SHOP}#day:2026-11-28`);
    expect(byFirst.get('bal')!.captures.map((entry) => entry.id)).toEqual(['bal', 'note']);
    expect(byFirst.get('gw-1')!.caseId).toBe(`${SHOP}#day:2026-11-28/gw-1`);
    expect(byFirst.get('gw-1')!.captures.map((entry) => entry.id)).toEqual(['gw-1', 'gw-2']);
    expect(byFirst.get('terms')!.caseId).toBe(`${SHOP}#terms`);
    expect(cases).toHaveLength(3);
  });
});

describe('the verdict rule', () => {
  it('names the captures that disagree with the deciding one', () => {
    const [only] = groupCases([
      capture({ id: 'risk', capturedAt: t('09:00'), responsibility: 'third_party', reasonCode: 'bank_or_risk_control' }),
      capture({ id: 'gw', capturedAt: t('09:10'), responsibility: 'platform', reasonCode: 'shop_gateway_error' }),
      capture({ id: 'unknown', capturedAt: t('09:20'), responsibility: null, reasonCode: 'unrecognized_message' }),
    ]);
    // Equal weight: the latest word with a party decides… the null one is the latest, and it decides.
    expect(only!.reasonCode).toBe('unrecognized_message');
    expect(only!.responsibility).toBeNull();
    expect(only!.disagreeing.map((entry) => entry.id)).toEqual(['risk', 'gw']);
  });
});
