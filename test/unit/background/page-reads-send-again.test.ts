import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handlePageRead, type PageReadDeps } from '../../../src/background/page-reads';
import { submitSnapshot } from '../../../src/background/submit-snapshot';
import type { SubmitSnapshotResponse } from '../../../src/messages/message-map';
import { snapshot } from '../../helpers/snapshot';

// A finding the worker could not keep (its store refused the write, or it failed on the way) must
// not be the page's last word: a page that does not change sends no reading again by itself, so the
// answer asks for it. A decision (nothing to keep after the order records were asked) must not.

vi.mock('webextension-polyfill', () => ({ default: {} }));
vi.mock('../../../src/background/submit-snapshot', () => ({ submitSnapshot: vi.fn() }));
vi.mock('../../../src/background/order-tracking', () => ({ observeOrders: vi.fn(async () => ({ ok: true, capture: false })) }));
vi.mock('../../../src/background/shop-page-reports', () => ({ newShopReportView: () => ({}), reportShopReading: vi.fn(async () => undefined) }));

const URL = 'https://shop.example/pay-gateway/wx/wxpay/ABCDEFGH12345678';
const sender = { tab: { id: 7 }, frameId: 0, url: URL } as unknown as Parameters<typeof handlePageRead>[1];
const deps = {
  submit: { settings: async () => ({ autoCapture: true, siteDenyList: [], stallThresholdHours: 24 }) },
  orders: {},
} as unknown as PageReadDeps;
const gatewayError = () =>
  snapshot(URL, [{ text: '出现错误了哟~：', tag: 'h4' }, { text: '支付网关异常！Get Wechat API Error:签名错误', tag: 'h5', hints: ['alert'] }]);
const submit = vi.mocked(submitSnapshot);
let docs = 0;
const read = (docToken: string, seq = 1) => handlePageRead({ seq, docToken, links: [], snapshot: gatewayError() }, sender, deps);

describe('a finding the worker could not keep', () => {
  beforeEach(() => submit.mockReset());

  it('asks the page to send the reading again when the store failed, and keeps it when it is sent', async () => {
    const doc = `doc-${++docs}`;
    submit.mockResolvedValueOnce({ ok: false, error: 'store_failed: only 4096 bytes of free space left', retry: true });
    expect(await read(doc)).toMatchObject({ ok: true, capture: { ok: false }, sendAgain: true });
    const kept: SubmitSnapshotResponse = { ok: true, captureId: 'c-1', duplicate: false, screenshotError: null };
    submit.mockResolvedValueOnce(kept);
    const again = await read(doc, 2);
    expect(again).toEqual({ ok: true, capture: kept });
    // The same key both times: a first attempt committed after all is found, not made twice.
    expect(submit.mock.calls[1]![1]).toBe(submit.mock.calls[0]![1]);
    expect(submit.mock.calls[1]![0].key).toBe(submit.mock.calls[0]![0].key);
  });

  it('asks again when the capture threw on the way', async () => {
    submit.mockRejectedValueOnce(new Error('The database connection is closing.'));
    expect(await read(`doc-${++docs}`)).toMatchObject({ ok: true, capture: { ok: false, error: 'The database connection is closing.' }, sendAgain: true });
  });

  it('does not ask again after a decision, nor after a capture that was kept', async () => {
    submit.mockResolvedValueOnce({ ok: false, error: 'nothing on this page to capture' });
    expect(await read(`doc-${++docs}`)).not.toHaveProperty('sendAgain');
    submit.mockResolvedValueOnce({ ok: true, captureId: 'c-2', duplicate: false, screenshotError: null });
    expect(await read(`doc-${++docs}`)).not.toHaveProperty('sendAgain');
  });
});
