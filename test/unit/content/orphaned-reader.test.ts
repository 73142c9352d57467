// @vitest-environment happy-dom
import { afterAll, describe, expect, it, vi } from 'vitest';

// A reader whose extension was updated, reloaded or removed (its `chrome.runtime.id` is gone) has
// no worker to send to: it must stop reading the page, not read and ask on every change. The reader
// runs here in happy-dom with a stand-in for the extension's messaging.

const sent: Array<{ type: string }> = [];
const runtime: { id?: string; lastError?: unknown; sendMessage: unknown; onMessage: unknown } = {
  id: 'paywitness-test',
  lastError: undefined,
  sendMessage: (message: { type: string }, callback: (reply: unknown) => void) => {
    sent.push(message);
    setTimeout(() => callback({ ok: true, capture: null }), 0);
  },
  onMessage: { addListener: () => undefined },
};
vi.stubGlobal('chrome', { runtime });
vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
afterAll(() => vi.unstubAllGlobals());

const reads = () => sent.filter((message) => message.type === 'page:read').length;
// happy-dom draws no boxes, so the reader keeps none of the body's blocks; the title is part of
// every reading, and a new title is a change the watcher sees.
const retitle = async (title: string) => {
  document.title = title;
  // Past the watcher's debounce and longest wait (page-watcher.ts), and the send.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
};

describe('a reader left behind by its extension', () => {
  it('reads and sends while its extension is there, and stops once it is gone', async () => {
    document.title = '订单详情';
    document.body.innerHTML = '<h1>订单详情</h1><p>订单号：T20261207</p><p>状态：待支付</p>';
    await import('../../../src/content/reader');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads()).toBe(1);

    await retitle('订单详情 · 处理中');
    expect(reads()).toBe(2);

    runtime.id = undefined;
    await retitle('订单详情 · 支付失败');
    await retitle('订单详情 · 请联系客服');
    expect(reads()).toBe(2);
  });
});
