import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCaseManifest, buildManifest } from '../../../src/export/bundle-manifest';
import { writeBundle } from '../../../src/export/write-bundle';
import { refundPromiseRequestKey, refundPromiseVerdict } from '../../../src/shop/refund-promise-record';
import { chainEntries, commitCapture, deleteCapture, readFile } from '../../../src/store/capture-store';
import type { EvidenceDb } from '../../../src/store/open-evidence-db';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { concat, draft, files, freshDb } from '../../helpers/evidence-builders';
import { snapshot } from '../../helpers/snapshot';

const PROMISE = '未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。';

/** The product page's promise kept on day one, then a failed order on the same site, and another shop's order. */
async function store(): Promise<EvidenceDb> {
  const db = await freshDb();
  await commitCapture(
    db,
    draft({
      id: 'promise', caseId: 'shop.example#day:2026-11-27', kind: 'terms', responsibility: null, reasonCode: 'terms_refund_promise',
      message: PROMISE, orderId: null, amount: null, url: 'https://shop.example/buy/1', title: '腾讯视频VIP会员 月卡 | 星河发卡', capturedAt: '2026-11-27T20:15:00.000+08:00',
    }),
    files('promise'),
    await refundPromiseRequestKey('shop.example', PROMISE),
  );
  await commitCapture(db, draft({ id: 'failure' }), files('failure'), 'k-failure');
  await commitCapture(db, draft({ id: 'elsewhere', site: 'other.example', caseId: 'other.example#order:Z9', orderId: 'Z9' }), files('elsewhere'), 'k-elsewhere');
  return db;
}

async function unzipBundle(db: EvidenceDb, caseId?: string, redacted = false) {
  const chain = await chainEntries(db);
  const manifest = caseId ? buildCaseManifest(chain, caseId, '2026-11-28T10:00:00.000+08:00', '0.1.0') : buildManifest(chain, '2026-11-28T10:00:00.000+08:00', '0.1.0');
  const chunks: Uint8Array[] = [];
  await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk), undefined, { redacted });
  const bytes = concat(chunks);
  const entries = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(entries[name]);
  return { bytes, names: Object.keys(entries), text };
}

describe('a kept refund promise as evidence', () => {
  it("is quoted, verbatim with when and which capture, in the report and the drafts of a later order's case on its site", async () => {
    const { bytes, names, text } = await unzipBundle(await store());
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 3 });
    const report = text('report.html');
    const orderCase = report.slice(report.indexOf('data-case-id="shop.example#order:ABCDEFGH12345678"'));
    const said = orderCase.slice(0, orderCase.indexOf('class="timeline"'));
    for (const shown of [PROMISE, '2026-11-27 20:15:00 北京时间', '<code>promise</code>']) expect(said).toContain(shown);
    // Another shop's case does not quote it.
    const other = report.slice(report.indexOf('data-case-id="other.example#order:Z9"'));
    expect(other.slice(0, other.indexOf('class="timeline"'))).not.toContain(PROMISE);
    const drafts = names.filter((name) => name.startsWith('complaints/') && name.includes('ABCDEFGH12345678'));
    expect(drafts.length).toBeGreaterThan(0);
    const support = drafts.find((name) => name.includes('致商家客服'))!;
    expect(text(support)).toContain(`贵店页面承诺「${PROMISE}」`);
    expect(text(support)).toContain('2026-11-27 20:15');
    // The promise's own page is a product page: its wording is not flagged as the shop's terms.
    expect(said).not.toContain('一律不退款');
  });

  it('travels with a one-case bundle of that order, which still verifies, and quotes it in a redacted one too', async () => {
    const db = await store();
    const { bytes, names, text } = await unzipBundle(db, 'shop.example#order:ABCDEFGH12345678');
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 2 });
    expect(names.some((name) => name.startsWith('captures/promise/'))).toBe(true);
    expect(names.some((name) => name.startsWith('captures/elsewhere/'))).toBe(false);
    expect(text(names.find((name) => name.includes('致商家客服'))!)).toContain(PROMISE);
    const redacted = await unzipBundle(db, 'shop.example#order:ABCDEFGH12345678', true);
    expect(redacted.names.some((name) => name.endsWith('page.txt'))).toBe(false);
    expect(redacted.text(redacted.names.find((name) => name.includes('致商家客服'))!)).toContain(PROMISE);
  });

  it('a one-case bundle still verifies after the promise was deleted on the device, and no longer quotes it', async () => {
    const db = await store();
    await deleteCapture(db, 'promise', { id: 'del-1', deletedAt: '2026-11-28T11:00:00.000+08:00', timeZone: 'Asia/Shanghai', reasonCode: 'user_request', reason: '', extensionVersion: '0.1.0' });
    const { bytes, names, text } = await unzipBundle(db, 'shop.example#order:ABCDEFGH12345678');
    // The deleted promise (and its deletion, another case's record) stay out; the order's record verifies.
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 1 });
    expect(names.some((name) => name.startsWith('captures/promise/'))).toBe(false);
    expect(text('report.html').slice(text('report.html').indexOf('data-case-id="shop.example#order:'))).not.toContain(`「${PROMISE}」`);
  });
});

describe("the worker's own promise rule", () => {
  const page = snapshot('https://shop.example/buy/1', ['商品描述', `官方渠道卡密，付款后自动发货。${PROMISE}`]);

  it('keeps only a promise its own rules find on the page, word for word as the page shows it', () => {
    expect(refundPromiseVerdict(page, '未使用的卡密7天内可申请退款，已兑换的卡密不支持退款')).toMatchObject({
      kind: 'terms', responsibility: null, reasonCode: 'terms_refund_promise', message: PROMISE, orderId: null,
    });
    expect(refundPromiseVerdict(page, '无条件全额退款')).toBeNull();
    expect(refundPromiseVerdict(snapshot('https://shop.example/faq', ['可以退款吗？']), '可以退款吗？')).toBeNull();
  });

  it('one key per site and promise, whatever the spacing', async () => {
    expect(await refundPromiseRequestKey('shop.example', PROMISE)).toBe(await refundPromiseRequestKey('shop.example', '未使用的卡密７天内可申请退款，已兑换的卡密不支持退款'));
    expect(await refundPromiseRequestKey('shop.example', PROMISE)).not.toBe(await refundPromiseRequestKey('other.example', PROMISE));
    expect(await refundPromiseRequestKey('shop.example', PROMISE)).not.toBe(await refundPromiseRequestKey('shop.example', '充值失败自动退款'));
  });
});
