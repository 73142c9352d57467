import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/launch-extension.mjs';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { openCapturedPage } from '../harness/captured-page';
import { startErrorPageServer, type ErrorPageServer } from '../harness/error-page-server';
import { bundleFromDump, dumpStore } from '../harness/evidence-in-page';

// Backups into the Downloads folder, checked by the CLI, and a restore from one into a browser that
// has started over. The build is the real one with `downloads` granted up front, as the options
// page's permission request would grant it (a headless browser cannot click the prompt).

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

const run = promisify(execFile);

describe('backups into Downloads and restoring from one', () => {
  let server: ErrorPageServer;
  let origin: string;
  let work: string;
  let extensionDir: string;
  let downloads: string;

  beforeAll(async () => {
    server = await startErrorPageServer();
    origin = server.origin;
    work = await mkdtemp(join(tmpdir(), 'pw-backup-'));
    extensionDir = join(work, 'extension');
    downloads = join(work, 'Downloads');
    await cp(resolve(process.env.PAYWITNESS_DIST ?? 'dist'), extensionDir, { recursive: true });
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { permissions: string[]; optional_permissions: string[] };
    manifest.permissions.push('downloads');
    manifest.optional_permissions = manifest.optional_permissions.filter((name) => name !== 'downloads');
    await writeFile(manifestPath, JSON.stringify(manifest));
  });
  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  async function start(profile: string): Promise<{ browser: Launched; probe: Page; options: Page }> {
    const browser = await launchWithExtension({ extensionDir, userDataDir: join(work, profile) });
    // Into a folder of the test's. The driver names downloaded files by a GUID of its own, so the
    // folder and file name the extension asks for (backupFileName, unit-tested) do not show here.
    const probe = await browser.context.newPage();
    const session = await browser.context.newCDPSession(probe);
    await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    await probe.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    return { browser, probe, options };
  }

  async function backUpNow(options: Page): Promise<string> {
    await options.getByRole('button', { name: '立即备份' }).click();
    const status = options.locator('.backups [role="status"]');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/已备份到|备份失败/);
    const text = await status.innerText();
    expect(text).toMatch(/^已备份到 /);
    return text.replace(/^已备份到 /, '');
  }

  async function backupsOnDisk(): Promise<string[]> {
    return (await readdir(downloads).catch(() => [])).filter((name) => !name.endsWith('.crdownload')).sort();
  }

  it('writes a bundle the CLI verifies, shows when, keeps the last 3, and restores it into a browser that started over', async () => {
    let { browser, probe, options } = await start('profile-a');
    const first = await openCapturedPage(browser.context, probe, `${origin}/pay-gateway/wx/wxpay/BACKUP0001`);
    const second = await openCapturedPage(browser.context, probe, `${origin}/pay-gateway/wx/wxpay/BACKUP0002`);
    await first.page.close();
    await second.page.close();
    const original = await dumpStore(probe);
    expect(original.entries.length).toBeGreaterThanOrEqual(2);

    // Turning backups on asks for `downloads` (granted here) and saves the setting.
    await options.getByLabel('自动备份到“下载”文件夹').selectOption('after_new_case');
    const schedule = () => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { backupSchedule?: string } | undefined)?.backupSchedule);
    await expect.poll(schedule).toBe('after_new_case');
    // Saving the other settings afterwards keeps it (the form does not write back its older copy).
    await options.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => options.locator('.settings [role="status"]').count()).toBe(1);
    expect(await schedule()).toBe('after_new_case');

    const path = await backUpNow(options);
    expect(await backupsOnDisk()).toEqual([path.slice(downloads.length + 1)]);
    const cli = await run(process.execPath, ['bin/paywitness.mjs', 'verify', path]);
    expect(cli.stdout).toContain('INTACT');
    expect(cli.stdout).toContain(`${original.entries.length} captures`);
    const backup = new Uint8Array(await readFile(path));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.locator('.backup-line').innerText()).toMatch(/^最近备份：/);
    await popup.close();

    // Three more: only the newest three stay in the folder.
    for (let i = 0; i < 3; i++) await backUpNow(options);
    await expect.poll(backupsOnDisk).toHaveLength(3);
    await browser.close();

    // A new browser profile (a reinstall, another computer) that captured something of its own first.
    ({ browser, probe, options } = await start('profile-b'));
    const fresh = await openCapturedPage(browser.context, probe, `${origin}/pay-gateway/wx/wxpay/AFTERREINSTALL1`);
    await fresh.page.close();
    await options.locator('.backups input[type="file"]').setInputFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: Buffer.from(backup) });
    const status = options.locator('.backups [role="status"]');
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toMatch(/^已从备份恢复|无法/);
    expect(await status.innerText()).toContain(`已从备份恢复 ${original.entries.length} 条记录`);
    const restored = await dumpStore(probe);
    const ids = restored.entries.map((entry) => entry.id);
    for (const entry of original.entries) expect(ids).toContain(entry.id);
    expect(await verifyBundle(await bundleFromDump(restored))).toMatchObject({ status: 'intact', rechained: original.entries.length });
    // The same backup again restores nothing twice.
    await options.locator('.backups input[type="file"]').setInputFiles({ name: 'backup.zip', mimeType: 'application/zip', buffer: Buffer.from(backup) });
    await expect.poll(() => status.innerText(), { timeout: 60_000 }).toContain('无需恢复');
    expect((await dumpStore(probe, { withFiles: false })).entries).toHaveLength(restored.entries.length);
    await browser.close();
  });
});
