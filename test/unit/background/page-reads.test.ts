import { describe, expect, it, vi } from 'vitest';
import { handlePageRead, type PageReadDeps } from '../../../src/background/page-reads';
import { readingChange } from '../../../src/messages/reading-change';
import { snapshot } from '../../helpers/snapshot';

// The worker's modules reach the browser only through what handlePageRead is given.
vi.mock('webextension-polyfill', () => ({ default: {} }));

// The worker keeps the last reading of recent page views, so that a page can send only what changed
// (src/messages/reading-change.ts). A reading it refuses (another origin's URL) must not take a
// page view: two hundred of them would push out the views of real pages.

// A content script's sender in a top-level page (only the fields the worker reads).
const sender = (url: string) => ({ tab: { id: 7 }, frameId: 0, url }) as unknown as Parameters<typeof handlePageRead>[1];
// Automatic capture off: an accepted reading stops there, with nothing else to fake.
const deps = { submit: { settings: async () => ({ autoCapture: false }) }, orders: {} } as unknown as PageReadDeps;

describe('page reads in the worker', () => {
  it('keeps a page view for accepted readings only: refused ones do not push it out', async () => {
    const first = snapshot('https://shop.example/order/1', ['订单号：T1', '状态：待支付']);
    expect(await handlePageRead({ seq: 1, docToken: 'page-A', links: [], snapshot: first }, sender('https://shop.example/order/1'), deps)).toMatchObject({
      error: 'automatic capture is off',
    });
    for (let i = 0; i < 250; i++) {
      const forged = snapshot('https://bank.example/', ['余额']);
      const answer = await handlePageRead({ seq: 1, docToken: `forged-${i}`, links: [], snapshot: forged }, sender('https://shop.example/order/1'), deps);
      expect(answer).toMatchObject({ ok: false, error: 'a page may only send its own reading' });
    }
    const second = snapshot('https://shop.example/order/1', ['订单号：T1', '状态：支付失败']);
    const change = readingChange(first, second, 1);
    expect(change).not.toBeNull();
    const answer = await handlePageRead({ seq: 2, docToken: 'page-A', links: [], change: change! }, sender('https://shop.example/order/1'), deps);
    expect(answer).not.toHaveProperty('sendWhole');
    expect(answer).toMatchObject({ error: 'automatic capture is off' });
  });

  it('asks for the whole reading when a change comes from a page view it does not hold', async () => {
    const first = snapshot('https://shop.example/order/2', ['订单号：T2']);
    const change = readingChange(first, snapshot('https://shop.example/order/2', ['订单号：T2', '已关闭']), 1);
    const answer = await handlePageRead({ seq: 2, docToken: 'never-seen', links: [], change: change! }, sender('https://shop.example/order/2'), deps);
    expect(answer).toMatchObject({ ok: false, sendWhole: true });
  });
});
