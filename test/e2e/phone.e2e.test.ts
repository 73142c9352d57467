import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { expectPhoneFriendly as expectMeasured, measurePhoneLayout } from '../harness/phone-layout';
import { compareStoredPngInPage } from '../harness/read-chain-in-page';

const run = promisify(execFile);

// PayWitness on a 360 × 640 Android-sized phone: Chromium's device emulation (pixel ratio 2, touch,
// mobile viewport), every tap a touch tap. On Android the popup and the options page open as full
// tabs, so here they are tabs of that size. PAYWITNESS_PHONE_SHOTS=<dir> keeps a screenshot of each
// view in each language there (docs/phone/ holds the ones looked at).

const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LANGUAGES = [
  { code: 'zh_CN', exportAll: '导出全部', saveThisPage: '保存当前页为证据', copySupport: /复制/, stamped: /水印截图/, verifyTitle: '校验证据包' },
  { code: 'en', exportAll: 'Export all', saveThisPage: 'Save this page as evidence', copySupport: /Copy/, stamped: /stamped image/, verifyTitle: 'Verify an evidence bundle' },
] as const;

describe('on a 360 × 640 phone with touch (Chromium device emulation)', () => {
  let session: ExtensionSession;
  let shotsDir: string;
  let bundlePath: string | null = null;

  beforeAll(async () => {
    session = await startExtensionSession({ locale: 'zh-CN', device: PHONE });
    shotsDir = process.env.PAYWITNESS_PHONE_SHOTS ?? (await mkdtemp(join(tmpdir(), 'pw-phone-')));
    await mkdir(shotsDir, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  const extensionUrl = (path: string) => session.popupUrl.replace('src/popup/index.html', path);
  const setLanguage = (language: string) =>
    session.probe.evaluate(async (value) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: value } });
    }, language);
  /** An extension page as Android shows it: a tab of its own, in front. */
  const openView = async (path: string): Promise<Page> => {
    const view = await visit(session.context, extensionUrl(path));
    await view.waitForLoadState('load');
    return view;
  };
  const expectPhoneFriendly = async (view: Page, what: string) => {
    // Fonts and late content settle before measuring.
    await view.evaluate(() => document.fonts.ready.then(() => undefined));
    await expectMeasured(() => view.evaluate(measurePhoneLayout), what);
  };
  const keepShot = async (view: Page, name: string) => {
    await view.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await view.screenshot({ path: join(shotsDir, `${name}.png`), scale: 'css' });
  };

  it('detects and captures the failed payment with a screenshot of the phone screen', async () => {
    const { shop } = session;
    const page = await visit(session.context, `${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`);
    const [entry] = await session.waitForEntries(1);
    expect(entry).toMatchObject({ kind: 'payment_error', responsibility: 'platform', screenshotError: null });
    // The page reported the phone's viewport; the shot is that screen. Chromium's emulation hands
    // captureVisibleTab the screen in CSS pixels (360 × 640), not at the emulated pixel ratio.
    expect(entry!.environment.viewport).toMatchObject({ width: 360, height: 640, devicePixelRatio: 2 });
    const comparison = await session.probe.evaluate(compareStoredPngInPage, {
      path: entry!.files[0]!.path,
      referenceBase64: (await page.screenshot({ scale: 'css' })).toString('base64'),
      tolerance: 48,
    });
    expect(comparison).toMatchObject({ width: 360, height: 640, referenceWidth: 360 });
    expect(comparison.differingRows).toBeLessThanOrEqual(13); // ≤ 2 % of the rows
    await page.close();
  });

  it("saves the shopper's page from the popup, though the popup is a tab of its own in front of it", async () => {
    const { shop } = session;
    const before = (await session.entries()).length;
    const page = await visit(session.context, `${shop.origin}/detail-order-sn/${shop.orders.completed}`);
    const popup = await openView('src/popup/index.html');
    await popup.getByRole('button', { name: LANGUAGES[0].saveThisPage }).tap();
    const entries = await session.waitForEntries(before + 1);
    const saved = entries[before]!;
    expect(saved).toMatchObject({ trigger: 'manual', url: page.url(), screenshotError: null });
    // The popup comes back in front with the result; the picture is the page, not the popup.
    await expect.poll(() => popup.evaluate(() => document.visibilityState)).toBe('visible');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/已保存当前页|This page was saved/);
    const comparison = await session.probe.evaluate(compareStoredPngInPage, {
      path: saved.files[0]!.path,
      referenceBase64: (await page.screenshot({ scale: 'css' })).toString('base64'),
      tolerance: 48,
    });
    expect(comparison).toMatchObject({ width: 360, height: 640, referenceWidth: 360 });
    expect(comparison.differingRows).toBeLessThanOrEqual(13); // ≤ 2 % of the rows
    await popup.close();
    await page.close();
  });

  for (const language of LANGUAGES) {
    it(`fits every view to the phone in ${language.code}: popup, case, options, verify`, async () => {
      await setLanguage(language.code);
      const popup = await openView('src/popup/index.html');
      await popup.getByRole('button', { name: language.exportAll }).waitFor();
      await expectPhoneFriendly(popup, `popup ${language.code}`);
      await keepShot(popup, `popup-${language.code}`);

      await popup.locator('button.case-row').first().tap();
      await popup.locator('.case-view').waitFor();
      // Export options open too: every control in them must be tappable as well.
      await popup.locator('details.export-options summary').tap();
      await expectPhoneFriendly(popup, `case view ${language.code}`);
      await popup.locator('details.export-options summary').tap();
      await popup.evaluate(() => scrollTo(0, 0));
      await keepShot(popup, `case-${language.code}`);
      // The case's primary actions are on the screen's width, reachable by scrolling down only.
      for (const action of [popup.getByRole('button', { name: language.copySupport }).first(), popup.getByRole('button', { name: language.stamped }).first()]) {
        await action.scrollIntoViewIfNeeded();
        const box = (await action.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      await popup.close();

      const options = await openView('src/options/index.html');
      await options.locator('.case-manager tbody tr').first().waitFor();
      await expectPhoneFriendly(options, `options ${language.code}`);
      await keepShot(options, `options-${language.code}`);
      await options.locator('.case-manager').evaluate((element) => element.scrollIntoView());
      await keepShot(options, `options-cases-${language.code}`);
      await options.close();

      const verify = await openView('src/verify-page/index.html');
      await verify.getByRole('heading', { name: language.verifyTitle }).waitFor();
      await expectPhoneFriendly(verify, `verify ${language.code}`);
      await keepShot(verify, `verify-${language.code}`);
      await verify.close();
    });
  }

  it('does the primary actions by touch: copy the support message, hand over the stamped image, export, verify', async () => {
    await setLanguage('zh_CN');
    const popup = await openView('src/popup/index.html');
    await popup.locator('button.case-row').first().tap();
    const copy = popup.getByRole('button', { name: /复制/ }).first();
    await copy.tap();
    await expect.poll(() => popup.locator('.support-message [role="status"]').textContent()).toBe('已复制');

    // No picture on the clipboard and no share sheet (as in several Android browsers): the stamped
    // image still leaves the phone, as a download, and says so.
    await popup.evaluate(() => {
      Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
      Object.defineProperty(navigator.clipboard, 'write', { value: () => Promise.reject(new DOMException('no images', 'NotAllowedError')), configurable: true });
    });
    const stamped = popup.getByRole('button', { name: '复制水印截图' }).first();
    const [download] = await Promise.all([popup.waitForEvent('download'), stamped.tap()]);
    expect(download.suggestedFilename()).toMatch(/-stamped\.png$/);
    await expect.poll(() => popup.locator('.capture-actions [role="status"]').first().textContent()).toContain('已改为下载');

    const [bundle] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: /^导出/ }).tap()]);
    bundlePath = join(await mkdtemp(join(tmpdir(), 'pw-phone-bundle-')), bundle.suggestedFilename());
    await bundle.saveAs(bundlePath);
    expect(await verifyBundle(new Uint8Array(await readFile(bundlePath)))).toMatchObject({ status: 'intact', captures: 2 });
    expect((await run(process.execPath, ['bin/paywitness.mjs', 'verify', bundlePath])).stdout).toMatch(/^INTACT/);
    await popup.close();

    // The extension's own verifier, on the phone: pick the file, read the verdict.
    const verify = await openView('src/verify-page/index.html');
    await verify.getByRole('heading', { name: LANGUAGES[0].verifyTitle }).waitFor();
    await verify.locator('#bundle').setInputFiles(bundlePath);
    await expect.poll(() => verify.locator('#result').getAttribute('data-status')).toBe('intact');
    await expectPhoneFriendly(verify, 'verify result');
    await verify.close();
  });
});
