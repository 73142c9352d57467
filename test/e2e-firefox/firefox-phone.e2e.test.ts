import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { BUNDLE_NAME, PHONE_PREFS, startFirefoxSession, type FirefoxSession } from '../harness/firefox-session';
import { expectPhoneFriendly, measurePhoneLayout } from '../harness/phone-layout';
import { compareStoredPngInPage } from '../harness/read-chain-in-page';

const run = promisify(execFile);

// The Firefox build (the one that also installs on Firefox for Android) in headless Firefox with a
// phone-size window: 360 × 640, a coarse pointer without hover, touch events and overlay
// scrollbars, as on Android. Android's own missing APIs (menus, commands, windows) are covered by unit tests
// of browser-capabilities.ts; this runs the whole path at phone size: detect → capture → review in
// the popup (a tab, as on Android) → save this page → export → verify. PAYWITNESS_PHONE_SHOTS=<dir>
// keeps a screenshot of the popup and the case view (firefox-*.png) there.

// Pixel ratio 1: with an emulated ratio Firefox's captureVisibleTab still gives CSS pixels, and a
// puppeteer reference shot of the same page could then not be compared row by row.
const PHONE = { width: 360, height: 640, deviceScaleFactor: 1 };

describe('the Firefox build at phone size: detect → capture → popup → save this page → export → verify', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await startFirefoxSession({ prefs: PHONE_PREFS });
  });
  afterAll(async () => {
    await session?.close();
  });

  const setLanguage = (language: string) =>
    session.probe.evaluate(async (value) => {
      const { settings } = await browser.storage.local.get('settings');
      await browser.storage.local.set({ settings: { ...(settings as object | undefined), language: value } });
    }, language);
  const keepShot = async (view: Page, name: string) => {
    const dir = process.env.PAYWITNESS_PHONE_SHOTS;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await view.screenshot({ path: join(dir, `firefox-${name}.png`) as `${string}.png` });
  };
  const popupText = (popup: Page, selector: string) => popup.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
  const waitFor = async <T,>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('captures a failed payment with a screenshot of the phone-size screen', async () => {
    const { shop } = session;
    const page = await session.visit(`${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`, PHONE);
    const [entry] = await session.waitForEntries(1);
    expect(entry).toMatchObject({ kind: 'payment_error', responsibility: 'platform', screenshotError: null });
    expect(entry!.environment.viewport).toMatchObject({ width: 360, height: 640 });
    // The picture is the page as Firefox renders it at that size.
    const comparison = await session.probe.evaluate(compareStoredPngInPage, {
      path: entry!.files[0]!.path,
      referenceBase64: await page.screenshot({ encoding: 'base64' }),
      tolerance: 48,
    });
    expect(comparison).toMatchObject({ width: 360, height: 640, referenceWidth: 360 });
    expect(comparison.differingRows).toBeLessThanOrEqual(13); // ≤ 2 % of the rows
    await page.close();
  });

  for (const language of ['zh_CN', 'en']) {
    it(`shows the popup and the case at phone size, tappable and readable (${language})`, async () => {
      await setLanguage(language);
      const popup = await session.openExtensionPage('src/popup/index.html', PHONE);
      await popup.waitForSelector('button.case-row');
      expect(await popup.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      await expectPhoneFriendly(() => popup.evaluate(measurePhoneLayout), `Firefox popup ${language}`);
      await keepShot(popup, `popup-${language}`);
      await (await popup.$('button.case-row'))!.tap();
      await popup.waitForSelector('.case-view');
      await expectPhoneFriendly(() => popup.evaluate(measurePhoneLayout), `Firefox case view ${language}`);
      await keepShot(popup, `case-${language}`);
      await popup.close();
    });
  }

  it("saves the shopper's page from the popup tab, then exports a bundle that verifies", async () => {
    await setLanguage('zh_CN');
    const { shop } = session;
    const before = (await session.entries()).length;
    const page = await session.visit(`${shop.origin}/detail-order-sn/${shop.orders.completed}`, PHONE);
    const popup = await session.openExtensionPage('src/popup/index.html', PHONE);
    await popup.bringToFront();
    await (await popup.waitForSelector('::-p-text(保存当前页为证据)'))!.tap();
    const entries = await session.waitForEntries(before + 1);
    expect(entries[before]).toMatchObject({ trigger: 'manual', url: page.url(), screenshotError: null });
    await waitFor(() => popupText(popup, '.capture-tools [role="status"]'), (text) => text.includes('已保存当前页'), 'save status');
    expect(await popup.evaluate(() => document.visibilityState)).toBe('visible');

    await (await popup.waitForSelector('::-p-text(导出全部)'))!.tap();
    const bundlePath = await session.waitForDownload(BUNDLE_NAME);
    expect(await verifyBundle(new Uint8Array(await readFile(bundlePath)))).toMatchObject({ status: 'intact', captures: before + 1 });
    expect((await run(process.execPath, ['bin/paywitness.mjs', 'verify', bundlePath])).stdout).toMatch(/^INTACT/);
    await popup.close();
    await page.close();
  });
});
