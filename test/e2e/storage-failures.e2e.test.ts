import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { browserPidFor, killAndWait } from '../harness/browser-process';
import { openCapturedPage } from '../harness/captured-page';
import { startErrorPageServer, type ErrorPageServer } from '../harness/error-page-server';
import { submitUntilAnswered } from '../harness/content-script-world';
import { copyMatchesChain, readCopyInPage } from '../harness/copy-in-page';
import { bundleFromDump, dumpStore } from '../harness/evidence-in-page';

// The browser's own storage fails between two runs of it, and the evidence comes back. One
// profile, stopped between steps; each round damages one store on disk the way a crash, a full
// disk or another program would, starts the browser again and checks that every acknowledged
// capture is back, the chain verifies, the second copy holds the same chain, and the shopper was
// told (notification + popup banner) whenever something had to be put back.
//
//   delete-indexeddb   the extension's IndexedDB folder removed
//   corrupt-indexeddb  every LevelDB file of it overwritten with noise, its blob files truncated
//   fill-disk          the profile's 100 MB tmpfs filled until IndexedDB writes fail, browser
//                      killed while full, space freed (root only: mounting needs it)
//   damage-copy        the reverse: the copy's files (origin private file system) truncated or
//                      deleted while IndexedDB is intact
//
// `npm test` runs one round of each (PAYWITNESS_STORAGE_ROUNDS=4); set it to 20 for the long run.

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
type Mode = 'delete-indexeddb' | 'corrupt-indexeddb' | 'fill-disk' | 'damage-copy';

const ROUNDS = Number(process.env.PAYWITNESS_STORAGE_ROUNDS ?? 4);
const MODES: readonly Mode[] = ['delete-indexeddb', 'corrupt-indexeddb', 'fill-disk', 'damage-copy'];

interface RepairNotice {
  restoredEntries: number;
  restoredFiles: number;
  copiedEntries: number;
  copiedFiles: number;
  chainOk: boolean;
}

describe('evidence survives the browser losing or damaging its own storage', () => {
  let server: ErrorPageServer;
  let origin: string;
  let mountPoint: string | null = null;
  let profile: string;

  beforeAll(async () => {
    server = await startErrorPageServer();
    origin = server.origin;
    const base = await mkdtemp(join(tmpdir(), 'pw-storage-failures-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100m', 'tmpfs', base], { stdio: 'ignore' });
      mountPoint = base;
    } catch {
      // Not root: the fill-disk rounds are skipped, the others run on the ordinary disk.
    }
    profile = join(base, 'profile');
  });
  afterAll(async () => {
    await server?.close();
    if (mountPoint) execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    await rm(join(profile, '..'), { recursive: true, force: true });
  });

  async function start(): Promise<{ browser: Launched; probe: Page }> {
    const browser = await launchWithExtension({ userDataDir: profile });
    const probe = await browser.context.newPage();
    // The popup opens the store with its schema; only then may the raw reads of the harness open it.
    await probe.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await expect
      .poll(() => probe.evaluate(async () => (await indexedDB.databases()).find((db) => db.name === 'paywitness-evidence')?.version ?? 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(4);
    return { browser, probe };
  }

  async function stop(browser: Launched): Promise<void> {
    await browser.context.close();
  }

  it(`${ROUNDS} rounds: every acknowledged capture is back after each restart, the chain verifies, the shopper is told`, async () => {
    const acked = new Set<string>();
    const log: string[] = [];
    let { browser, probe } = await start();
    await captureSome(browser, probe, 0, acked);
    const extensionId = browser.extensionId;
    const idbFolder = join(profile, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb`);

    for (let round = 1; round <= ROUNDS; round++) {
      const mode = MODES[(round - 1) % MODES.length]!;
      if (mode === 'fill-disk' && !mountPoint) {
        log.push(`round ${round}: fill-disk skipped (not root)`);
        continue;
      }
      const indexedDbBefore = await dumpStore(probe);
      if (mode === 'fill-disk') {
        await fillDiskUntilWritesFail(browser, probe);
      } else {
        await stop(browser);
        if (mode === 'delete-indexeddb') {
          await rm(`${idbFolder}.leveldb`, { recursive: true, force: true });
          await rm(`${idbFolder}.blob`, { recursive: true, force: true });
        } else if (mode === 'corrupt-indexeddb') {
          await corruptFolder(`${idbFolder}.leveldb`, 'noise');
          await corruptFolder(`${idbFolder}.blob`, 'truncate');
        } else {
          await damageCopy(join(profile, 'Default', 'File System'));
        }
      }

      ({ browser, probe } = await start());
      // The worker compared and repaired the stores behind its ready promise, then ran the session's
      // full check (every record and file of both); it marks the session when that is done.
      await expect.poll(() => probe.evaluate(async () => (await chrome.storage.session.get('storeAuditThisSession')).storeAuditThisSession), { timeout: 30_000 }).toBe(true);
      const dump = await dumpStore(probe);
      // Every acknowledged capture is in IndexedDB again.
      const present = dumpIds(dump);
      expect([...acked].filter((id) => !present.has(id)), `round ${round} ${mode}`).toEqual([]);
      const ids = dump.entries.map((entry) => entry.id);
      expect(new Set(ids).size, 'no duplicates').toBe(ids.length);
      const verified = await verifyBundle(await bundleFromDump(dump));
      expect(verified, `round ${round} ${mode}: ${JSON.stringify(verified)}`).toMatchObject({ status: 'intact' });
      // The copy holds the same chain again.
      expect(copyMatchesChain(await probe.evaluate(readCopyInPage), dump.entries)).toBe(true);

      const notice = await readNotice(probe);
      if (mode === 'damage-copy') {
        // IndexedDB was intact: nothing in it moved, the copy was rewritten from it, and that was said.
        expect(dump.entries).toEqual(indexedDbBefore.entries);
        expect(Object.keys(dump.files).sort()).toEqual(Object.keys(indexedDbBefore.files).sort());
        expect(notice).toMatchObject({ restoredEntries: 0, restoredFiles: 0, chainOk: true });
        expect(notice!.copiedEntries).toBeGreaterThan(0);
        expect(notice!.copiedFiles).toBeGreaterThan(0);
      } else if (mode !== 'fill-disk') {
        expect(notice, `${mode}: the shopper is told`).toMatchObject({ chainOk: true });
        expect(notice!.restoredEntries).toBeGreaterThanOrEqual(acked.size);
      } else if (notice) {
        expect(notice.chainOk).toBe(true);
      }
      if (notice) await expectToldOnScreen(browser, probe);
      log.push(
        `round ${round} ${mode}: ${acked.size} acknowledged captures all back; ` +
          (notice ? `told: ${notice.restoredEntries} records + ${notice.restoredFiles} files restored, ${notice.copiedEntries} + ${notice.copiedFiles} rewritten in the copy` : 'nothing needed restoring'),
      );
      await captureSome(browser, probe, round, acked);
    }
    await stop(browser);
    console.log(`[storage failures] ${log.join('\n  ')}`);
  }, 60_000 + ROUNDS * 25_000);

  /** One automatic capture of a new page and one acknowledged request on it; both stores must hold both. */
  async function captureSome(browser: Launched, probe: Page, round: number, acked: Set<string>): Promise<void> {
    const page = await openCapturedPage(browser.context, probe, `${origin}/pay-gateway/round-${round}`);
    const { reply } = await submitUntilAnswered(page.world, `round-${round}`, page.docToken, `round ${round}`);
    expect(reply).toMatchObject({ ok: true });
    expect(reply!.failedStore, 'both stores took it').toBeUndefined();
    const dump = await dumpStore(probe, { withFiles: false });
    for (const entry of dump.entries) acked.add(entry.id);
    expect(copyMatchesChain(await probe.evaluate(readCopyInPage), dump.entries)).toBe(true);
    await page.page.close();
  }

  /** Fills the tmpfs, makes IndexedDB write until it fails, kills the browser while full, frees the space. */
  async function fillDiskUntilWritesFail(browser: Launched, probe: Page): Promise<void> {
    const filler = join(mountPoint!, 'filler');
    const avail = Number(execFileSync('df', ['-k', '--output=avail', mountPoint!], { encoding: 'utf8' }).trim().split('\n').pop());
    execFileSync('fallocate', ['-l', `${Math.max(1, avail - 256)}k`, filler]);
    // Another database of the same origin shares IndexedDB's backing store: write until it fails.
    const failure = await probe.evaluate(async () => {
      try {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('pw-filler', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('junk');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (let i = 0; i < 64; i++) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('junk', 'readwrite', { durability: 'strict' });
            tx.objectStore('junk').put(new Blob([crypto.getRandomValues(new Uint8Array(60_000))]), i);
            tx.objectStore('junk').put('x'.repeat(100_000), `s${i}`);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error);
          });
        }
        return 'no failure';
      } catch (error) {
        return String(error);
      }
    });
    expect(failure).not.toBe('no failure');
    const pid = browserPidFor(profile);
    await killAndWait(pid!);
    await browser.context.close().catch(() => undefined);
    await rm(filler, { force: true });
  }
});

function dumpIds(dump: { entries: Array<{ id: string }> }): Set<string> {
  return new Set(dump.entries.map((entry) => entry.id));
}

function readNotice(probe: Page): Promise<RepairNotice | null> {
  return probe.evaluate(async () => ((await chrome.storage.local.get('storeRepair')).storeRepair as RepairNotice | undefined) ?? null);
}

/** The notification was shown, and the popup says what was repaired until it is dismissed. */
async function expectToldOnScreen(browser: Launched, probe: Page): Promise<void> {
  expect(Object.keys(await probe.evaluate(() => chrome.notifications.getAll()))).toContain('store-repair');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
  const banner = popup.locator('[data-store-repair]');
  await banner.waitFor({ timeout: 5_000 });
  expect(await banner.innerText()).toMatch(/证据库已(自动)?修复/);
  await popup.getByRole('button', { name: '知道了' }).click();
  await banner.waitFor({ state: 'detached', timeout: 5_000 });
  await popup.close();
  await probe.evaluate(() => chrome.notifications.clear('store-repair'));
}

async function corruptFolder(folder: string, how: 'noise' | 'truncate'): Promise<void> {
  if (!existsSync(folder)) return;
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    const info = await stat(path);
    if (!info.isFile() || name === 'LOCK') continue;
    if (how === 'noise') await writeFile(path, randomBytes(Math.max(64, info.size)));
    else await truncate(path, Math.floor(info.size / 2));
  }
}

/**
 * The copy's data files (names are obfuscated on disk, numbered as they were written): every third
 * one truncated — so records, screenshots and page texts alike are hit — and the newest one, the
 * head last written, deleted.
 */
async function damageCopy(fileSystem: string): Promise<void> {
  const files: string[] = [];
  for (const name of await readdir(fileSystem, { recursive: true })) {
    // Data files live in <origin>/t/00/<8 digits>; the rest is the file system's own bookkeeping.
    if (/\/t\/\d\d\/\d{8}$/.test(`/${name}`)) files.push(join(fileSystem, name));
  }
  expect(files.length).toBeGreaterThan(3);
  files.sort();
  for (const [index, path] of files.entries()) if (index % 3 === 1) await truncate(path, 0);
  await rm(files.at(-1)!, { force: true });
}
