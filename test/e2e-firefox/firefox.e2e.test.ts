import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ANDROID_MIN_VERSION, GECKO_ID } from '../../scripts/firefox-manifest.mjs';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { BUNDLE_NAME, firefoxDistDir, startFirefoxSession, type FirefoxSession } from '../harness/firefox-session';
import { copyMatchesChain, readCopyInPage } from '../harness/copy-in-page';
import { compareStoredPngInPage, readStoredPngSizeInPage } from '../harness/read-chain-in-page';

const run = promisify(execFile);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type LintReport = { errors: Array<{ code: string; message: string }>; warnings: Array<{ code: string; message: string }> };

/** Mozilla's addons-linter (the one AMO runs) through web-ext; it exits non-zero on errors, the JSON says which. */
function lintFirefoxBuild(dir: string): Promise<LintReport> {
  return run(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '-s', dir, '-o', 'json'])
    .then((result) => result.stdout)
    .catch((error: { stdout: string }) => error.stdout)
    .then((stdout) => JSON.parse(stdout) as LintReport);
}

describe('the Firefox build in headless Firefox: lint → detect → capture → export → verify', () => {
  let session: FirefoxSession;
  let lint: Promise<LintReport>;

  beforeAll(async () => {
    lint = lintFirefoxBuild(firefoxDistDir()); // runs while Firefox starts
    lint.catch(() => undefined);
    session = await startFirefoxSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is a Firefox MV3 add-on, for Android too, that web-ext lint passes with no errors', async () => {
    const manifest = JSON.parse(await readFile(join(session.extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.background).not.toHaveProperty('service_worker');
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: GECKO_ANDROID_MIN_VERSION });
    const report = await lint;
    expect(report.errors).toEqual([]);
    // Nothing the linter knows Firefox for Android lacks at our minimum version (KEY_/PERMISSION_FIREFOX_ANDROID_…).
    expect(report.warnings.filter((warning) => /ANDROID/.test(warning.code))).toEqual([]);
  });

  it('keeps nothing but its refund promise on a normal product page', async () => {
    const page = await session.visit(`${session.shop.origin}/buy/1`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await session.entries()).map((entry) => [entry.kind, entry.reasonCode])).toEqual([['terms', 'terms_refund_promise']]);
    await page.close();
  });

  it('captures the shop gateway error with a PNG of the tab and the page text', async () => {
    const { shop } = session;
    const page = await session.visit(`${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`);
    const entry = (await session.waitForEntries(2))[1];
    // Which rule names the failure is pure detection, tested browser-free; here: the same pipeline.
    expect(entry).toMatchObject({
      kind: 'payment_error',
      responsibility: 'platform',
      orderId: shop.orders.unpaid,
      screenshotError: null,
      site: '127.0.0.1',
    });
    expect(entry!.message).toContain('支付网关异常');
    expect(entry!.environment.userAgent).toMatch(/Firefox\//);
    expect(entry!.files.map((file) => file.role)).toEqual(['screenshot', 'text', 'html']);
    expect(entry!.files[0]).toMatchObject({ role: 'screenshot', type: 'image/png' });
    // Firefox has no pageCapture: the page copy is the serialized DOM (page.html), never MHTML.
    expect(entry!.files[2]!.path).toMatch(/\/page\.html$/);
    expect(entry!.files[2]!.type).toMatch(/^text\/html/);
    await page.close();
  });

  it('captures the 易支付 signature failure on the gateway host', async () => {
    const { shop } = session;
    const page = await session.visit(`${shop.origin}/pay-gateway/epay/alipay/${shop.orders.unpaid}`);
    const entries = await session.waitForEntries(3);
    expect(entries[2]).toMatchObject({ reasonCode: 'provider_refused_shop', orderId: shop.orders.unpaid, amount: 10 });
    expect(new URL(entries[2]!.url).origin).toBe(shop.gatewayOrigin);
    await page.close();
  });

  it("takes the popup for the extension's own page: Firefox stamps moz-extension:// senders", async () => {
    // Only a content script may submit a page; the worker tells an extension page so by name, and
    // would not answer a stranger at all — so this reply proves the sender check placed the page.
    const reply = await session.probe.evaluate(() =>
      browser.runtime.sendMessage({ type: 'capture:submit', key: 'k', docToken: 't', snapshot: {} }),
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/extension-page/) });
  });

  it('exports from the popup a bundle that verifies like a Chromium one, and catches tampering', async () => {
    const entries = await session.entries();
    const popup = await session.openExtensionPage('src/popup/index.html');
    await popup.bringToFront();
    const exportButton = await popup.waitForSelector('::-p-text(Export all)');
    await exportButton!.click();
    const bundlePath = await session.waitForDownload(BUNDLE_NAME);
    const bytes = new Uint8Array(await readFile(bundlePath));
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 3 });
    const intact = await run(process.execPath, ['bin/paywitness.mjs', 'verify', bundlePath]);
    expect(intact.stdout).toMatch(/^INTACT/);

    // The screenshot is a real picture of the tab: a PNG as wide as the page's viewport.
    const files = unzipSync(bytes);
    const failure = entries[1]!;
    const shotPath = failure.files[0]!.path;
    const shot = files[shotPath]!;
    expect([...shot.subarray(1, 4)].map((code) => String.fromCharCode(code)).join('')).toBe('PNG');
    const viewport = failure.environment.viewport!;
    expect(pngSize(shot).width).toBe(Math.round(viewport.width * viewport.devicePixelRatio));

    const pageCopy = new TextDecoder().decode(files[failure.files[2]!.path]!);
    expect(pageCopy).toContain('支付网关异常');

    const flipped = shot.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    const tamperedPath = `${bundlePath}.tampered.zip`;
    await writeFile(tamperedPath, zipSync({ ...files, [shotPath]: flipped }));
    const tampered = await run(process.execPath, ['bin/paywitness.mjs', 'verify', tamperedPath]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(tampered).toMatchObject({ code: 1 });
    expect((tampered as { stdout: string }).stdout).toContain(shotPath);
    // Access was granted with the add-on, so the popup (long since settled) asks for nothing.
    expect(await popup.$('.host-access')).toBeNull();
    await popup.close();
  });

  it('keeps the second copy in the origin private file system and backs up into Downloads from the event page', async () => {
    // Both stores hold the same chain: Firefox's background writes the copy like Chromium's worker.
    const entries = await session.entries();
    expect(copyMatchesChain(await session.probe.evaluate(readCopyInPage), entries)).toBe(true);

    // The button asks for `downloads` inside the click (granted without a prompt in this profile).
    const options = await session.openExtensionPage('src/options/index.html');
    await options.bringToFront();
    const button = await options.waitForSelector('::-p-text(Back up now)');
    await button!.click();
    await options.waitForFunction(() => /Backed up to|Backup failed/.test(document.querySelector('.backups [role="status"]')?.textContent ?? ''), { timeout: 60_000 });
    const status = await options.$eval('.backups [role="status"]', (node) => node.textContent ?? '');
    expect(status).toMatch(/^Backed up to .*PayWitness-backups.*paywitness-backup-\d{8}-\d{4}\.zip$/);
    const path = status.replace(/^Backed up to /, '');
    const cli = await run(process.execPath, ['bin/paywitness.mjs', 'verify', path]);
    expect(cli.stdout).toMatch(/^INTACT/);
    expect(cli.stdout).toContain(`${entries.length} captures`);
    await options.close();
  });

  it('keeps the whole of a long page by scrolling and stitching, since Firefox has no chrome.debugger', async () => {
    const setFullPage = (on: boolean) =>
      session.probe.evaluate(async (value) => {
        const { settings } = await browser.storage.local.get('settings');
        await browser.storage.local.set({ settings: { ...(settings as object | undefined), fullPageCapture: value } });
      }, on);
    await setFullPage(true);
    const before = (await session.entries()).length;
    const { shop } = session;
    // A short window makes the stalled-order page several viewports tall.
    const page = await session.visit(`${shop.origin}/detail-order-sn/${shop.orders.stalled}`, { width: 800, height: 240 });
    const entries = await session.waitForEntries(before + 1);
    await setFullPage(false);
    const entry = entries[before]!;
    expect(entry).toMatchObject({ kind: 'stalled_order', screenshotError: null });
    const viewport = entry.environment.viewport!;
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeGreaterThan(viewport.height * 2);
    const size = await session.probe.evaluate(readStoredPngSizeInPage, entry.files[0]!.path);
    expect(size).toEqual({
      width: Math.round(viewport.width * viewport.devicePixelRatio),
      height: Math.round(pageHeight * viewport.devicePixelRatio),
    });
    // Stitched right, it is the picture Firefox itself renders of the whole document: the sticky
    // header once at the top, not again over the rows (here the amount paid) under each tile's top.
    const reference = await page.screenshot({ fullPage: true, encoding: 'base64' });
    const comparison = await session.probe.evaluate(compareStoredPngInPage, {
      path: entry.files[0]!.path,
      referenceBase64: reference,
      tolerance: 48,
    });
    // The reference is the document alone; the tiles also hold the window's scrollbar on the right.
    expect(comparison.referenceHeight).toBe(size!.height);
    expect(comparison.referenceWidth).toBeGreaterThan(size!.width * 0.9);
    // Measured: 0 rows differ; a header stamped over each tile makes ~100 of ~700 rows differ.
    expect(comparison.differingRows).toBeLessThanOrEqual(Math.ceil(size!.height * 0.02));
    await page.close();
  });

  // Last: it takes the permission away, as a Firefox user can in about:addons.
  it('says so in the popup, and keeps nothing, once access to websites is revoked', async () => {
    const before = (await session.entries()).length;
    await session.probe.evaluate(() =>
      browser.permissions.remove({ origins: ['<all_urls>', 'http://*/*', 'https://*/*'] }),
    );
    const popup = await session.openExtensionPage('src/popup/index.html');
    const banner = await popup.waitForSelector('.host-access');
    expect(await banner!.evaluate((element) => element.textContent)).toContain('not allowed to read websites');

    const { shop } = session;
    const page = await session.visit(`${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}?again=1`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await session.entries()).toHaveLength(before);
    await page.close();
    await popup.close();
  });
});
