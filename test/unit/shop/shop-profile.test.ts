import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import type { OrderRecord } from '../../../src/orders/order-record';
import type { SupportDeadline } from '../../../src/orders/support-deadline';
import { adviceFor } from '../../../src/shop/before-paying';
import { BADGE_RULES, badgeText, shopBadge } from '../../../src/shop/shop-badge';
import { readShopFacts } from '../../../src/shop/shop-page-facts';
import { shopProfile, type ShopProfileInput } from '../../../src/shop/shop-profile';
import { capture } from '../../helpers/case-builders';
import { snapshot } from '../../helpers/snapshot';

const NOW = new Date('2026-11-28T12:00:00+08:00');
const SITE = 'shop.example';

function order(overrides: Partial<OrderRecord>): OrderRecord {
  return {
    site: SITE, orderId: 'STALL30HOURS0001', amount: 25, currency: 'CNY', product: null, status: '处理中', state: 'processing',
    createdAt: '2026-11-27T06:00:00+08:00', createdAtFrom: 'page', firstSeen: '2026-11-27T06:00:00+08:00', lastSeen: '2026-11-27T06:00:00+08:00',
    url: `https://${SITE}/detail-order-sn/STALL30HOURS0001`, statusHistory: [], captureIds: [], watch: { stalledNotifiedAt: null, duplicatesCaptured: [] },
    ...overrides,
  };
}

function page(blocks: Parameters<typeof snapshot>[1], terms: Parameters<typeof readShopFacts>[2] = null) {
  const snap = snapshot(`https://${SITE}/buy/1`, blocks);
  return { url: snap.url, title: '商品', readAt: '2026-11-28T11:59:00+08:00', facts: readShopFacts(snap, [], terms) };
}

function input(overrides: Partial<ShopProfileInput>): ShopProfileInput {
  return { site: SITE, now: NOW, page: null, captures: [], texts: new Map(), orders: [], deadlines: [], stallThresholdHours: 24, ...overrides };
}

const FOOTER = { text: '© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1', tag: 'footer', hints: ['footer' as const] };

describe('shop badge rules', () => {
  it('each rule holds on its own fact, in the stated order; no fact, no badge', () => {
    const none = { openCases: 0, stalledOrders: 0, identityShown: true, malformedIcp: 0, unfairClauses: 0 };
    expect(shopBadge(none)).toEqual({ level: null, setBy: null, hits: [] });
    expect(badgeText(shopBadge(none))).toBe('');
    expect(shopBadge({ ...none, identityShown: null }).level).toBeNull();
    const one = {
      open_case: { openCases: 2 },
      stalled_order: { stalledOrders: 1 },
      icp_malformed: { malformedIcp: 1 },
      no_identity: { identityShown: false },
      unfair_clause: { unfairClauses: 3 },
    } as const;
    for (const { rule, level } of BADGE_RULES) {
      const badge = shopBadge({ ...none, ...one[rule] });
      expect(badge.setBy, rule).toBe(rule);
      expect(badge.level, rule).toBe(level);
    }
    const all = shopBadge({ openCases: 2, stalledOrders: 1, identityShown: false, malformedIcp: 1, unfairClauses: 3 });
    expect(all.setBy).toBe('open_case');
    expect(all.hits.map((hit) => hit.rule)).toEqual(['open_case', 'stalled_order', 'icp_malformed', 'no_identity', 'unfair_clause']);
    expect(badgeText(all)).toBe('3');
    expect(badgeText(shopBadge({ ...none, unfairClauses: 1 }))).toBe('?');
    expect(badgeText(shopBadge({ ...none, openCases: 12 }))).toBe('9+');
  });
});

describe('shopProfile', () => {
  it('a shop showing company and ICP, no history: no badge, and the page says where each signal was read', () => {
    const profile = shopProfile(input({ page: page([FOOTER, '易支付-支付宝']) }));
    expect(profile.icp.map((number) => [number.shown, number.province, number.where])).toEqual([['浙ICP备12345678号-1', 'zhejiang', { from: 'page', part: 'footer' }]]);
    expect(profile.companies).toEqual([{ name: '杭州星河网络科技有限公司', where: { from: 'page', part: 'footer' } }]);
    expect(profile.badge.level).toBeNull();
    expect(profile.advice).toBe('aggregator');
  });

  it('amber when no company or ICP number is shown on the page or any captured page of the site', () => {
    const bare = shopProfile(input({ page: page(['价格：￥ 5.00', '微信扫码']) }));
    expect([bare.badge.level, bare.badge.setBy, bare.advice]).toEqual(['amber', 'no_identity', 'no_identity']);
    // A captured page of the site showed the footer: the identity is known, from that capture.
    const earlier = capture({ id: 'old', site: SITE, kind: 'order_status', responsibility: null, title: '首页 | 星河发卡', url: `https://${SITE}/` });
    const known = shopProfile(input({ page: page(['价格：￥ 5.00']), captures: [earlier], texts: new Map([['old', FOOTER.text]]) }));
    expect(known.badge.level).toBeNull();
    expect(known.companies[0]!.where).toEqual({ from: 'capture', captureId: 'old', title: '首页 | 星河发卡', url: `https://${SITE}/`, at: earlier.capturedAt });
    // Not read (not a shop page, reading off): unknown is not missing.
    expect(shopProfile(input({})).badge.level).toBeNull();
  });

  it('amber for a malformed ICP number, with what is wrong', () => {
    const profile = shopProfile(input({ page: page([{ ...FOOTER, text: '© 2024 某某科技有限公司 · 华ICP备1234号' }]) }));
    expect(profile.badge.setBy).toBe('icp_malformed');
    expect(profile.icp[0]!.problems).toEqual(['unknown_province', 'digit_count']);
  });

  it('amber for an unfair clause of the terms, on this page or a captured terms page', () => {
    const terms = page([{ text: '用户协议', tag: 'h1', hints: ['heading'] }, '虚拟商品一经售出概不退换。', FOOTER], { reasonCode: 'terms_agreement', name: '用户协议' });
    const here = shopProfile(input({ page: terms }));
    expect([here.badge.setBy, here.clauses.map((clause) => clause.rule), here.terms.map((doc) => doc.name)]).toEqual(['unfair_clause', ['no_refund'], ['用户协议']]);
    const captured = capture({ id: 't1', site: SITE, kind: 'terms', reasonCode: 'terms_refund_policy', message: '退款政策', orderId: null, responsibility: null });
    const later = shopProfile(input({ page: page([FOOTER]), captures: [captured], texts: new Map([['t1', '退款政策\n本协议最终解释权归本站所有。']]) }));
    expect(later.badge.setBy).toBe('unfair_clause');
    expect(later.clauses[0]!.where).toMatchObject({ from: 'capture', captureId: 't1' });
    expect(later.terms).toEqual([{ name: '退款政策', reasonCode: 'terms_refund_policy', where: expect.objectContaining({ captureId: 't1' }) }]);
  });

  it('red for an open case here; a resolved one, a completed order or a case the shopper caused is not held against the shop', () => {
    const failed = capture({ id: 'f1', site: SITE, orderId: 'A1' });
    const open = shopProfile(input({ page: page([FOOTER]), captures: [failed] }));
    expect([open.badge.level, open.badge.setBy, badgeText(open.badge), open.history.failedPayments]).toEqual(['red', 'open_case', '1', 1]);
    const resolved: SupportDeadline = {
      caseId: failed.caseId, contactedAt: '2026-11-28T10:00:00+08:00', dueAt: '2026-11-29T10:00:00+08:00', resolvedAt: '2026-11-28T11:00:00+08:00', overdueNotifiedAt: null, channel: 'alipay',
    };
    expect(shopProfile(input({ page: page([FOOTER]), captures: [failed], deadlines: [resolved] })).badge.level).toBeNull();
    expect(shopProfile(input({ page: page([FOOTER]), captures: [failed], orders: [order({ orderId: 'A1', status: '已完成', state: 'completed' })] })).badge.level).toBeNull();
    const mine = capture({ site: SITE, kind: 'user_error', responsibility: 'user', reasonCode: 'user_input_error' });
    expect(shopProfile(input({ page: page([FOOTER]), captures: [mine] })).badge.level).toBeNull();
  });

  it('red for an order stalled past the threshold, counted once with its case; running deadlines are listed', () => {
    const stalled = order({});
    const profile = shopProfile(input({ page: page([FOOTER]), orders: [stalled, order({ orderId: 'FRESH', createdAt: '2026-11-28T11:00:00+08:00' })] }));
    expect([profile.badge.setBy, badgeText(profile.badge)]).toEqual(['stalled_order', '1']);
    expect(profile.history.stalledOrders).toEqual([{ orderId: 'STALL30HOURS0001', status: '处理中', ageMs: 30 * 3_600_000 }]);
    const itsCapture = capture({ site: SITE, orderId: 'STALL30HOURS0001', kind: 'stalled_order', reasonCode: 'order_stalled' });
    const deadline: SupportDeadline = {
      caseId: itsCapture.caseId, contactedAt: '2026-11-28T10:00:00+08:00', dueAt: '2026-11-28T11:00:00+08:00', resolvedAt: null, overdueNotifiedAt: null, channel: 'unknown',
    };
    const both = shopProfile(input({ page: page([FOOTER]), orders: [stalled], captures: [itsCapture], deadlines: [deadline] }));
    expect(badgeText(both.badge)).toBe('1');
    expect(both.history.deadlines).toEqual([{ caseId: itsCapture.caseId, dueAt: deadline.dueAt, overdue: true }]);
  });

  it('lists kept promises with when and where, and a promise on this page not kept yet', () => {
    const kept = capture({
      id: 'p1', site: SITE, kind: 'terms', reasonCode: 'terms_refund_promise', responsibility: null, orderId: null,
      message: '充值失败自动退款', url: `https://${SITE}/`, title: '首页', capturedAt: '2026-11-27T10:00:00+08:00',
    });
    const profile = shopProfile(input({ page: page([FOOTER, '充值失败 自动退款。', '未使用的卡密 7 天内可申请退款。']), captures: [kept] }));
    expect(profile.promises).toEqual([
      { text: '未使用的卡密 7 天内可申请退款。', where: { from: 'page', part: 'main' }, keptAt: null, captureId: null },
      { text: '充值失败自动退款', where: expect.objectContaining({ from: 'capture', captureId: 'p1' }), keptAt: '2026-11-27T10:00:00+08:00', captureId: 'p1' },
    ]);
    // A promise record is not a terms document.
    expect(profile.terms).toEqual([]);
    expect(profile.advice).toBe('promise_kept');
  });
});

describe('the line on top: what to check before paying', () => {
  const quiet = { page: { role: 'shop' }, badge: shopBadge({ openCases: 0, stalledOrders: 0, identityShown: true, malformedIcp: 0, unfairClauses: 0 }), aggregators: [], payments: [], escrow: { state: null }, promises: [] };
  it('follows the badge rule first, then what the page shows', () => {
    expect(adviceFor({ ...quiet, badge: shopBadge({ openCases: 1, stalledOrders: 0, identityShown: false, malformedIcp: 0, unfairClauses: 0 }) })).toBe('open_case');
    expect(adviceFor({ ...quiet, page: null })).toBe('not_read');
    expect(adviceFor({ ...quiet, aggregators: [{}] })).toBe('aggregator');
    expect(adviceFor({ ...quiet, payments: [{ method: 'crypto' }] })).toBe('crypto_only');
    expect(adviceFor({ ...quiet, payments: [{ method: 'crypto' }, { method: 'alipay' }] })).toBe('keep_order');
    expect(adviceFor({ ...quiet, escrow: { state: 'offered' } })).toBe('escrow');
    expect(adviceFor({ ...quiet, escrow: { state: 'refused' } })).toBe('keep_order');
    expect(adviceFor({ ...quiet, promises: [{ keptAt: null }] })).toBe('promise_kept');
    expect(adviceFor(quiet)).toBe('keep_order');
  });
});
