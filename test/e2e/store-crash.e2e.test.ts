import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { browserPidFor, killAndWait } from '../harness/browser-process';
import { openCapturedPage } from '../harness/captured-page';
import { startErrorPageServer, type ErrorPageServer } from '../harness/error-page-server';
import { submitExpression, submitUntilAnswered, type SubmitOutcome } from '../harness/content-script-world';
import { copyMatchesChain, readCopyInPage } from '../harness/copy-in-page';
import { bundleFromDump, dumpStore } from '../harness/evidence-in-page';

// The browser dies, or the disk fills: what was acknowledged stays, nothing is half-written, and
// a failed write is on screen within a second. Each case has its own browser and profile.

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

describe('evidence survives a killed browser and a full disk', () => {
  let server: ErrorPageServer;
  let origin: string;

  beforeAll(async () => {
    server = await startErrorPageServer();
    origin = server.origin;
  });
  afterAll(async () => {
    await server?.close();
  });

  function openCaptured(browser: Launched, probe: Page, path: string) {
    // Under a dujiaoka route, so the page reads as a shop page to the content script.
    return openCapturedPage(browser.context, probe, `${origin}/pay-gateway${path}`);
  }

  async function probeOf(browser: Launched): Promise<Page> {
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    return probe;
  }

  it('keeps a capture acknowledged the instant before the browser process is killed', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'pw-kill-profile-'));
    try {
      let browser = await launchWithExtension({ userDataDir: profile });
      let probe = await probeOf(browser);
      const { world, docToken } = await openCaptured(browser, probe, '/kill');
      const { reply } = await submitUntilAnswered(world, 'acked-before-kill', docToken, 'acked');
      expect(reply).toMatchObject({ ok: true, duplicate: false });
      const pid = browserPidFor(profile);
      expect(pid).not.toBeNull();
      await killAndWait(pid!);
      await browser.context.close().catch(() => undefined);

      browser = await launchWithExtension({ userDataDir: profile });
      probe = await probeOf(browser);
      const dump = await dumpStore(probe);
      expect(dump.entries.map((entry) => entry.id)).toContain(reply!.captureId);
      expect(dump.requests.find((r) => r.key === 'acked-before-kill')?.captureId).toBe(reply!.captureId);
      expect(await verifyBundle(await bundleFromDump(dump))).toMatchObject({ status: 'intact' });
      // Acknowledged without a failedStore: the second copy had it too, and still has it.
      expect(reply!.failedStore).toBeUndefined();
      expect(copyMatchesChain(await probe.evaluate(readCopyInPage), dump.entries)).toBe(true);
      console.log(`[kill] capture ${String(reply!.captureId)} acknowledged, browser ${pid} SIGKILLed, found intact after restart in IndexedDB and the copy (${dump.entries.length} captures)`);
      await browser.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  /**
   * A browser whose profile lies on a 100 MB filesystem of its own, which `fill` fills to the last
   * few kilobytes and `free` empties again. Skipped without root (mounting needs it); the unit
   * tests cover the same paths with an injected QuotaExceededError.
   */
  async function onSmallDisk(
    context: { skip: () => void },
    run: (browser: Launched, disk: { fill: () => void; free: () => void }) => Promise<void>,
  ): Promise<void> {
    const mountPoint = await mkdtemp(join(tmpdir(), 'pw-full-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      await rm(mountPoint, { recursive: true, force: true });
      context.skip();
      return;
    }
    const filler = join(mountPoint, 'filler');
    let browser: Launched | null = null;
    try {
      browser = await launchWithExtension({ userDataDir: join(mountPoint, 'profile') });
      await run(browser, {
        fill() {
          const avail = Number(execFileSync('df', ['-k', '--output=avail', mountPoint], { encoding: 'utf8' }).trim().split('\n').pop());
          execFileSync('fallocate', ['-l', `${Math.max(1, avail - 40)}k`, filler]);
        },
        free: () => execFileSync('rm', ['-f', filler]),
      });
    } finally {
      await browser?.close().catch(() => undefined);
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
      await rm(mountPoint, { recursive: true, force: true });
    }
  }

  it('on a full disk: red badge and popup banner within 1 s, nothing half-written, earlier evidence intact', async (context) => {
    await onSmallDisk(context, async (browser, disk) => {
      const probe = await probeOf(browser);
      const { page, world, docToken } = await openCaptured(browser, probe, '/full');
      const earlier = await submitUntilAnswered(world, 'before-full', docToken, 'before');
      expect(earlier.reply).toMatchObject({ ok: true });
      const before = await dumpStore(probe);

      // Fill the disk to the last few kilobytes, then ask for a capture with a large page text.
      disk.fill();
      const bigText = '订单详情 '.repeat(380);
      const big = submitExpression('on-full-disk', docToken, 'x').replace(
        "{ text: \"x\", tag: 'p', hints: [] },",
        `...Array.from({ length: 100 }, (_, i) => ({ text: ${JSON.stringify(bigText)} + i, tag: 'p', hints: [] })),`,
      );
      const sentAt = Date.now();
      const failed = await world.evaluate<SubmitOutcome>(big);
      expect(failed).toMatchObject({ reply: { ok: false } });
      expect(String('reply' in failed && failed.reply?.error)).toMatch(/^store_failed/);
      let badgeAfterMs = -1;
      while (Date.now() - sentAt < 5_000) {
        if ((await probe.evaluate(() => chrome.action.getBadgeText({}))) === '!') {
          badgeAfterMs = Date.now() - sentAt;
          break;
        }
        await probe.waitForTimeout(20);
      }
      expect(badgeAfterMs).toBeGreaterThanOrEqual(0);
      expect(badgeAfterMs).toBeLessThan(1_000);

      const popup = await browser.context.newPage();
      const openedAt = Date.now();
      await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
      const banner = popup.getByRole('alert').filter({ hasText: '证据没能保存' });
      await banner.first().waitFor({ timeout: 1_000 });
      const bannerAfterMs = Date.now() - openedAt;
      await popup.screenshot({ path: join(tmpdir(), 'paywitness-full-disk-popup.png') });

      // Space comes back: the next capture is stored and the alarm clears.
      disk.free();
      const after = await submitUntilAnswered(world, 'after-space-freed', docToken, 'after');
      expect(after.reply).toMatchObject({ ok: true });
      await expect.poll(() => probe.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

      const dump = await dumpStore(probe);
      expect(dump.requests.some((r) => r.key === 'on-full-disk')).toBe(false);
      expect(dump.pending).toEqual([]);
      expect(dump.entries.slice(0, before.entries.length)).toEqual(before.entries);
      for (const [path, file] of Object.entries(before.files)) expect(dump.files[path]).toEqual(file);
      expect(dump.entries.at(-1)!.id).toBe(after.reply!.captureId);
      expect(await verifyBundle(await bundleFromDump(dump))).toMatchObject({ status: 'intact', captures: before.entries.length + 1 });
      expect(copyMatchesChain(await probe.evaluate(readCopyInPage), dump.entries)).toBe(true);
      console.log(`[full disk] write refused (${String('reply' in failed && failed.reply?.error)}); badge after ${badgeAfterMs} ms, banner ${bannerAfterMs} ms after opening the popup; ${before.entries.length} earlier captures intact; store writable again once space was freed`);
      await page.close();
    });
  });

  it('keeps a shop error page met on a full disk once space is freed, the page left as it was', async (context) => {
    await onSmallDisk(context, async (browser, disk) => {
      const probe = await probeOf(browser);
      await openCaptured(browser, probe, '/before-full');
      disk.fill();
      // A page that never changes: its reader sends one reading, which the worker cannot keep.
      const url = `${origin}/pay-gateway/met-on-full-disk`;
      const page = await browser.context.newPage();
      await page.bringToFront();
      await page.goto(url);
      await expect.poll(() => probe.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('!');
      const keptOf = async () => (await dumpStore(probe, { withFiles: false })).entries.filter((entry) => 'url' in entry && entry.url === url);
      expect(await keptOf()).toEqual([]);

      disk.free();
      const freedAt = Date.now();
      await expect.poll(async () => (await keptOf()).length, { timeout: 20_000, interval: 200 }).toBe(1);
      const keptAfterMs = Date.now() - freedAt;
      await expect.poll(() => probe.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
      // Sent again once, kept once: nothing more comes of it.
      await page.waitForTimeout(6_000);
      expect(await keptOf()).toHaveLength(1);
      const dump = await dumpStore(probe);
      expect(await verifyBundle(await bundleFromDump(dump))).toMatchObject({ status: 'intact' });
      console.log(`[full disk] a page met on a full disk was kept ${keptAfterMs} ms after space was freed, without changing`);
      await page.close();
    });
  });
});
