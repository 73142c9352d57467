import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';

const run = promisify(execFile);

describe('spine in real Chromium: detect → capture → store → popup → export → verify', () => {
  let session: ExtensionSession;
  let outDir: string;

  beforeAll(async () => {
    session = await startExtensionSession({ locale: 'zh-CN' });
    outDir = await mkdtemp(join(tmpdir(), 'pw-e2e-'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps nothing but its refund promise on a normal product page', async () => {
    const page = await visit(session.context, `${session.shop.origin}/buy/1`);
    await page.waitForTimeout(2_500);
    // The description's 「未使用的卡密 7 天内可申请退款…」 is the shop's promise, kept as a terms record (src/shop).
    expect((await session.entries()).map((entry) => [entry.kind, entry.reasonCode])).toEqual([['terms', 'terms_refund_promise']]);
    await page.close();
  });

  it('captures the shop gateway error with a PNG screenshot and the page text', async () => {
    const { shop } = session;
    const page = await visit(session.context, `${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`);
    const entry = (await session.waitForEntries(2))[1];
    expect(entry).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      // The demo relays WeChat's 签名错误: the provider refused the shop's signature.
      reasonCode: 'provider_refused_shop',
      orderId: shop.orders.unpaid,
      screenshotError: null,
      site: '127.0.0.1',
    });
    expect(entry!.message).toContain('支付网关异常');
    expect(entry!.reason).toMatch(/平台|商家/);
    expect(entry!.files.map((file) => file.role)).toEqual(['screenshot', 'text', 'html']);
    expect(entry!.files[0]!.type).toBe('image/png');
    expect(entry!.files[0]!.bytes).toBeGreaterThan(1_000);
    await page.close();
  });

  it('captures the 易支付 signature failure on the gateway host', async () => {
    const { shop } = session;
    const page = await visit(session.context, `${shop.origin}/pay-gateway/epay/alipay/${shop.orders.unpaid}`);
    const entries = await session.waitForEntries(3);
    expect(entries[2]).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      reasonCode: 'provider_refused_shop',
      orderId: shop.orders.unpaid,
      amount: 10,
    });
    expect(new URL(entries[2]!.url).origin).toBe(shop.gatewayOrigin);
    await page.close();
  });

  it('shows the order as one case in the popup and exports a bundle that verifies', async () => {
    const popup = await visit(session.context, session.popupUrl);
    // Both failures concern the same order: one case, decided by the latest failure (newest, so
    // first); the product page's promise is a day case of its own.
    const rows = popup.getByRole('list', { name: '案件' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => rows.first().textContent()).toContain('签名校验失败');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: '导出全部' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^paywitness-.+-\d{8}-\d{4}\.zip$/);
    const bundlePath = join(outDir, 'bundle.zip');
    await download.saveAs(bundlePath);
    const bytes = new Uint8Array(await readFile(bundlePath));
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 3, files: 9 });

    // The CLI a support agent would run, exactly as installed.
    const intact = await run(process.execPath, ['bin/paywitness.mjs', 'verify', bundlePath]);
    expect(intact.stdout).toMatch(/^INTACT/);

    const files = unzipSync(bytes);
    const shot = Object.keys(files).find((name) => name.endsWith('screenshot.png'))!;
    const flipped = files[shot]!.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    const tamperedPath = join(outDir, 'tampered.zip');
    await writeFile(tamperedPath, zipSync({ ...files, [shot]: flipped }));
    const tampered = await run(process.execPath, ['bin/paywitness.mjs', 'verify', tamperedPath]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(tampered).toMatchObject({ code: 1 });
    expect((tampered as { stdout: string }).stdout).toContain(shot);
    await popup.close();
  });
});
