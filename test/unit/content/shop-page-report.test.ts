// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShopPageReporter } from '../../../src/content/shop-page-report';
import { noneVerdict, type Verdict } from '../../../src/detect/verdict';
import { snapshot } from '../../helpers/snapshot';

// What a shop page hands the worker, and how often: a checkout page whose countdown ticks every
// second must not make the page and the worker redo the report at the page watcher's pace.

type Sent = { type: string; blocks?: Array<{ text: string }>; refundPromise?: string };
const sent: Sent[] = [];
let keep: string[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: async (message: Sent) => {
        sent.push(message);
        return message.type === 'shop:page' ? { ok: true, keep } : { ok: true, captureId: 'c1', duplicate: false, screenshotError: null };
      },
    },
  },
}));

const PROMISE = '未使用的卡密 7 天内可申请退款。';
const checkout = (secondsLeft: number) =>
  snapshot('https://shop.example/bill/A1', ['订单号：A1', `请在 ${secondsLeft} 秒内完成支付`, '支付方式：易支付-支付宝', PROMISE, '这一行与店家无关']);
const shopPages = () => sent.filter((message) => message.type === 'shop:page');

beforeEach(() => {
  vi.useFakeTimers();
  sent.length = 0;
  keep = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the shop page report', () => {
  it('sends the first read at once, then at most one read per interval, the latest; an unchanged read not at all', async () => {
    const report = createShopPageReporter('doc', 2_000);
    report(checkout(300), noneVerdict());
    expect(shopPages()).toHaveLength(1);
    // Only the blocks that can carry a shop signal travel.
    expect(shopPages()[0]!.blocks!.map((block) => block.text)).toEqual(['请在 300 秒内完成支付', '支付方式：易支付-支付宝', PROMISE]);
    for (let second = 299; second >= 296; second--) {
      await vi.advanceTimersByTimeAsync(400);
      report(checkout(second), noneVerdict());
    }
    expect(shopPages()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shopPages()).toHaveLength(2);
    expect(shopPages()[1]!.blocks![0]!.text).toBe('请在 296 秒内完成支付');
    report(checkout(296), noneVerdict());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(shopPages()).toHaveLength(2);
  });

  it('submits each promise the worker does not hold yet once per page view, as a capture the worker checks', async () => {
    keep = [PROMISE];
    const report = createShopPageReporter('doc', 2_000);
    report(checkout(300), noneVerdict());
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3_000);
    report(checkout(297), noneVerdict());
    await vi.advanceTimersByTimeAsync(3_000);
    expect(shopPages()).toHaveLength(2);
    expect(sent.filter((message) => message.type === 'capture:submit').map((message) => message.refundPromise)).toEqual([PROMISE]);
  });

  it('on a page with a finding, lets the capture go first: the shop report follows one interval later', async () => {
    const failed: Verdict = { ...noneVerdict(), kind: 'payment_error', responsibility: 'platform', reasonCode: 'gateway_error', message: '支付网关异常' };
    const report = createShopPageReporter('doc', 2_000);
    report(checkout(300), failed);
    expect(shopPages()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(shopPages()).toHaveLength(1);
  });
});
