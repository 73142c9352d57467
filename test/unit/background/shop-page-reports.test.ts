import type browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noneVerdict, type Verdict } from '../../../src/detect/verdict';
import { snapshot } from '../../helpers/snapshot';

// How often the worker reads a page's reading for "this shop", and what it keeps from it: a checkout
// page whose countdown ticks every second must not make the worker read the site's records at that
// pace, and a refund promise is kept once per page view.

const calls = vi.hoisted(() => ({
  reports: [] as Array<{ blocks: Array<{ text: string }>; terms: unknown; links: unknown[] }>,
  submits: [] as Array<{ key: string; refundPromise?: string }>,
  keep: [] as string[],
  submitOk: true,
}));
vi.mock('../../../src/background/shop-messages', () => ({
  reportShopPage: async (report: (typeof calls.reports)[number]) => {
    calls.reports.push(report);
    return { ok: true, keep: calls.keep };
  },
}));
vi.mock('../../../src/background/submit-snapshot', () => ({
  submitSnapshot: async (request: (typeof calls.submits)[number]) => {
    calls.submits.push(request);
    return calls.submitOk ? { ok: true, captureId: 'c', duplicate: false, screenshotError: null } : { ok: false, error: 'disk full' };
  },
}));
const { newShopReportView, reportShopReading } = await import('../../../src/background/shop-page-reports');

const PROMISE = '未使用的卡密 7 天内可申请退款。';
const checkout = (secondsLeft: number) =>
  snapshot('https://shop.example/bill/A1', ['订单号：A1', `请在 ${secondsLeft} 秒内完成支付`, '支付方式：易支付-支付宝', PROMISE, '这一行与店家无关']);
const sender = { tab: { id: 3 }, frameId: 0, url: 'https://shop.example/bill/A1' } as browser.Runtime.MessageSender;
const deps = { shop: {} as never, submit: {} as never, intervalMs: 2_000 };
const links = [{ text: '联系客服', href: 'https://shop.example/ticket' }];
// One report state per page view, as page-reads.ts keeps it.
const views = new Map<string, ReturnType<typeof newShopReportView>>();
let doc = 0;
const read = (docToken: string, snap = checkout(300), verdict: Verdict = noneVerdict()) => {
  if (!views.has(docToken)) views.set(docToken, newShopReportView());
  return reportShopReading(views.get(docToken)!, { snapshot: snap, links, docToken, verdict }, sender, deps);
};

beforeEach(() => {
  vi.useFakeTimers();
  calls.reports.length = 0;
  calls.submits.length = 0;
  calls.keep = [];
  calls.submitOk = true;
  doc++;
});
afterEach(() => vi.useRealTimers());

describe('this shop, from the readings a page sends', () => {
  it('reads the first reading at once, then at most one per interval, the latest; an unchanged one not at all', async () => {
    const token = `doc${doc}`;
    await read(token);
    expect(calls.reports).toHaveLength(1);
    // Only the blocks that can carry a shop signal are read (and kept for the popup).
    expect(calls.reports[0]!.blocks.map((block) => block.text)).toEqual(['请在 300 秒内完成支付', '支付方式：易支付-支付宝', PROMISE]);
    expect(calls.reports[0]!.links).toEqual(links);
    for (let second = 299; second >= 296; second--) {
      await vi.advanceTimersByTimeAsync(400);
      await read(token, checkout(second));
    }
    expect(calls.reports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.reports.map((report) => report.blocks[0]!.text)).toEqual(['请在 300 秒内完成支付', '请在 296 秒内完成支付']);
    await vi.advanceTimersByTimeAsync(5_000);
    await read(token, checkout(296));
    expect(calls.reports).toHaveLength(2);
  });

  it('keeps each promise the site does not hold yet once per page view, through the capture path; one that failed is tried again', async () => {
    const token = `doc${doc}`;
    calls.keep = [PROMISE];
    calls.submitOk = false;
    await read(token);
    expect(calls.submits.map((request) => request.refundPromise)).toEqual([PROMISE]);
    calls.submitOk = true;
    await vi.advanceTimersByTimeAsync(3_000);
    await read(token, checkout(299));
    await vi.advanceTimersByTimeAsync(3_000);
    await read(token, checkout(298));
    expect(calls.submits.map((request) => request.refundPromise)).toEqual([PROMISE, PROMISE]);
    expect(calls.submits[1]!.key).toMatch(new RegExp(`^${token}:promise:`));
  });

  it('gives a terms page whole, with the terms it is', async () => {
    const terms: Verdict = { ...noneVerdict(), kind: 'terms', reasonCode: 'terms_agreement', message: '用户协议' };
    await read(`doc${doc}`, checkout(300), terms);
    expect(calls.reports[0]!.terms).toEqual({ reasonCode: 'terms_agreement', name: '用户协议' });
    expect(calls.reports[0]!.blocks).toHaveLength(5);
  });

  it('keeps page views apart', async () => {
    await read(`doc${doc}-a`);
    await read(`doc${doc}-b`);
    expect(calls.reports).toHaveLength(2);
  });
});
