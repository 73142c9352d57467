import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../src/evidence/capture-entry';
import type { BundleManifest } from '../../src/export/bundle-manifest';
import { stampLines } from '../../src/export/stamp-lines';
import { verifyBundle, type VerifyResult } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';

// The evidence bundle as the real extension makes it in Chromium: its documents, stamped copies,
// report rendering, a tamper suite on its bytes, the verify page, and a redacted one-case export.

const run = promisify(execFile);
const HOSTILE = `<script>window.__pw=1</script>"><img src=x onerror="window.__pw=2">`;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HOSTILE_PAGE = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(HOSTILE)}</title>
<body><h4>出现错误了哟~</h4><div class="err-message"><h5>支付网关异常！${escapeHtml(HOSTILE)}</h5></div></body>`;

type Files = Record<string, Uint8Array>;
const manifestOf = (files: Files) => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BundleManifest;
const rezip = (files: Files) => zipSync(files, { level: 0 });
const problems = (result: VerifyResult) => (result.status === 'tampered' ? result.problems : []);

async function downloadFrom(popup: Page, button: RegExp | string, saveAs: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.getByRole('button', { name: button }).first().click()]);
  await download.saveAs(saveAs);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(saveAs)) };
}

describe('evidence bundle made by the real extension', () => {
  let session: ExtensionSession;
  let server: Server;
  let outDir: string;
  let bundle: Uint8Array;
  let files: Files;
  let entries: CaptureEntry[];

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    session = await startExtensionSession({ locale: 'zh-CN' });
    outDir = await mkdtemp(join(tmpdir(), 'pw-bundle-'));
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('captures three real pages, one of them hostile', async () => {
    const { shop } = session;
    const hostileUrl = `http://localhost:${(server.address() as AddressInfo).port}/pay-gateway/wx/wxpay/HOSTILE0001`;
    for (const url of [`${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`, `${shop.origin}/pay-gateway/epay/alipay/${shop.orders.unpaid}`, hostileUrl]) {
      const page = await visit(session.context, url);
      await session.waitForEntries((await session.entries()).length + 1);
      await page.close();
    }
    entries = await session.entries();
    expect(entries).toHaveLength(3);
    expect(entries[2]!.title).toContain('<script>');
    // The shopper ticked "contacted support" on the first case (where the popup keeps it).
    const progressKey = `caseProgress:${entries[0]!.caseId}`;
    await session.probe.evaluate(
      (key) => chrome.storage.local.set({ [key]: { steps: { contact_support: '2026-11-28T01:00:00.000Z' }, evidence: {}, cardKey: null, shopVanished: false } }),
      progressKey,
    );
  });

  it('exports from the popup a bundle with README, report, complaints and a stamped copy per screenshot, all verified', async () => {
    const popup = await visit(session.context, session.popupUrl);
    const { name, bytes } = await downloadFrom(popup, '导出全部', join(outDir, 'bundle.zip'));
    await popup.close();
    expect(name).toMatch(/^paywitness-.+-\d{8}-\d{4}\.zip$/);
    bundle = bytes;
    files = unzipSync(bytes);
    const manifest = manifestOf(files);
    const shots = entries.flatMap((entry) => entry.files.filter((file) => file.role === 'screenshot'));
    expect(shots.length).toBe(3);
    const stamped = manifest.extras!.filter((extra) => extra.role === 'stamped');
    expect(stamped.map((extra) => extra.source!.sha256).sort()).toEqual(shots.map((shot) => shot.sha256).sort());
    for (const path of ['README.txt', 'report.html', 'complaints/1-' /* two cases → one folder each */]) {
      expect(Object.keys(files).some((name) => name.startsWith(path)), path).toBe(true);
    }
    // Gateway errors that do not show whether money moved: each case asks the shop, nobody else yet.
    expect(Object.keys(files).filter((name) => name.endsWith('-致商家客服.txt'))).toHaveLength(2);
    expect(Object.keys(files).filter((name) => name.endsWith('12315-投诉.txt'))).toHaveLength(0);
    const fileCount = entries.reduce((sum, entry) => sum + entry.files.length, 0);
    expect(fileCount).toBeGreaterThanOrEqual(6);
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 3, files: fileCount, extras: manifest.extras!.length });
    const cli = await run(process.execPath, ['bin/paywitness.mjs', 'verify', join(outDir, 'bundle.zip')]);
    expect(cli.stdout).toMatch(/^INTACT/);
  });

  it('stamped copies carry a band below the untouched picture, within upload limits, with text from the record', async () => {
    const manifest = manifestOf(files);
    for (const extra of manifest.extras!.filter((item) => item.role === 'stamped')) {
      const capture = entries.find((entry) => entry.id === extra.captureId)!;
      expect(extra.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
      const measured = await session.probe.evaluate(
        async ({ original, stamped }) => {
          const open = async (base64: string) => createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
          const [a, b] = [await open(original), await open(stamped)];
          const canvas = new OffscreenCanvas(b.width, b.height);
          const context = canvas.getContext('2d', { willReadFrequently: true })!;
          context.drawImage(b, 0, 0);
          const rule = context.getImageData(0, a.height + 1, b.width, 1).data;
          const band = context.getImageData(0, a.height + 8, b.width, b.height - a.height - 8).data;
          let dark = 0;
          let light = 0;
          for (let i = 0; i < band.length; i += 4) {
            const sum = band[i]! + band[i + 1]! + band[i + 2]!;
            if (sum < 120) dark++;
            else if (sum > 600) light++;
          }
          return { original: [a.width, a.height], stamped: [b.width, b.height], rule: [rule[0], rule[1], rule[2]], dark, light, pixels: band.length / 4 };
        },
        { original: Buffer.from(files[extra.source!.path]!).toString('base64'), stamped: Buffer.from(files[extra.path]!).toString('base64') },
      );
      expect(measured.stamped[0]).toBe(measured.original[0]);
      expect(Math.max(...measured.stamped)).toBeLessThanOrEqual(4096);
      const bandHeight = measured.stamped[1]! - measured.original[1]!;
      // Five lines or more of ≥ 16 px text: the band is really there and tall enough to read.
      expect(bandHeight).toBeGreaterThan(5 * 16);
      expect(measured.rule[1]).toBeGreaterThan(90); // the teal rule (#0f766e) right under the picture
      expect(measured.dark / measured.pixels).toBeGreaterThan(0.6); // dark band …
      expect(measured.light).toBeGreaterThan(500); // … with light text drawn on it
      // The text drawn is the text layout of the sealed record (checked word by word in unit tests).
      const lines = stampLines({ capture, originalSha256: extra.source!.sha256 }, 200).join('\n');
      expect(lines).toContain(extra.source!.sha256.slice(0, 16));
    }
  });

  it('report.html renders offline in Chromium with every section, its screenshots and no script run', async () => {
    const dir = join(outDir, 'extracted');
    for (const [name, data] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), data);
    }
    const page = await session.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.waitForLoadState('load');
    const report = await page.evaluate(() => ({
      cases: document.querySelectorAll('section.case').length,
      headings: [...document.querySelectorAll('h3')].map((h) => h.textContent ?? ''),
      images: [...document.images].map((img) => ({ src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 })),
      scripts: document.scripts.length,
      pwned: (window as unknown as { __pw?: number }).__pw ?? null,
      text: document.body.innerText,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    }));
    expect(report.cases).toBe(2);
    for (const heading of ['概要', '判断与理由', '付款与诉求', '维权清单', '商家的说法', '时间线']) {
      expect(report.headings.filter((text) => text.includes(heading))).toHaveLength(2);
    }
    expect(report.images).toHaveLength(3);
    expect(report.images.every((image) => image.ok)).toBe(true);
    expect(report.scripts).toBe(0);
    expect(report.pwned).toBeNull();
    expect(dialogs).toEqual([]);
    expect(report.text).toContain('<script>window.__pw=1</script>');
    expect(report.text).toMatch(/☑ 联系商家客服[^\n]*\n?[^\n]*2026-11-28 09:00:00/);
    expect(report.text).toContain(manifestOf(files).chain.head!);
    expect(report.csp).toMatch(/default-src 'none'/);
    // A4 print: the PDF renders and has a page per case plus the hash table.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.close();
  });

  it('tamper suite: every kind of edit is caught and named', async () => {
    const manifest = manifestOf(files);
    const flip = (path: string): Files => {
      const changed = files[path]!.slice();
      changed[Math.floor(changed.length / 2)]! ^= 0x01;
      return { ...files, [path]: changed };
    };
    const byEnding = (ending: string) => Object.keys(files).find((name) => name.endsWith(ending))!;
    for (const path of [byEnding('screenshot.png'), byEnding('page.txt'), manifest.extras!.find((e) => e.role === 'stamped')!.path, 'report.html', 'README.txt', byEnding('致商家客服.txt')]) {
      expect(problems(await verifyBundle(rezip(flip(path)))), path).toContainEqual(expect.objectContaining({ entry: path, reason: expect.stringMatching(/SHA-256/) }));
    }
    const edited = (change: (m: BundleManifest) => void) => {
      const copy = structuredClone(manifest);
      change(copy);
      return rezip({ ...files, 'manifest.json': strToU8(JSON.stringify(copy)) });
    };
    const mutations: Array<[string, (m: BundleManifest) => void]> = [
      ['amount edited', (m) => void ((m.captures[0] as CaptureEntry).amount = 0.01)],
      ['verdict edited', (m) => void ((m.captures[1] as CaptureEntry).responsibility = 'user')],
      ['capture removed (middle)', (m) => m.captures.splice(1, 1)],
      ['capture removed (end)', (m) => m.captures.pop()],
      ['captures reordered', (m) => m.captures.reverse()],
      ['captures swapped', (m) => ([m.captures[0], m.captures[1]] = [m.captures[1]!, m.captures[0]!])],
      ['capture added', (m) => m.captures.push({ ...(m.captures[2] as CaptureEntry), id: 'forged', prevHash: m.chain.head })],
      ['extra hash edited', (m) => void (m.extras![0]!.sha256 = '0'.repeat(64))],
      ['file hash edited', (m) => void (m.captures[0]!.files[0]!.sha256 = '0'.repeat(64))],
    ];
    for (const [name, change] of mutations) expect((await verifyBundle(edited(change))).status, name).toBe('tampered');
    // A report rewritten to say something else, and a file slipped in.
    const forgedReport = { ...files, 'report.html': strToU8(new TextDecoder().decode(files['report.html']).replace('商家/平台责任', '用户操作原因')) };
    expect(problems(await verifyBundle(rezip(forgedReport)))).toContainEqual(expect.objectContaining({ entry: 'report.html' }));
    expect(problems(await verifyBundle(rezip({ ...files, 'captures/extra.png': strToU8('x') })))).toContainEqual(expect.objectContaining({ entry: 'captures/extra.png' }));
    const tamperedPath = join(outDir, 'tampered.zip');
    await writeFile(tamperedPath, rezip(flip('report.html')));
    const cli = await run(process.execPath, ['bin/paywitness.mjs', 'verify', tamperedPath]).catch((error: { code: number; stdout: string }) => error);
    expect(cli).toMatchObject({ code: 1, stdout: expect.stringContaining('report.html') });
  });

  it('the verify page says intact, tampered (which entry) or unreadable, and refuses zip-slip and zip bombs', async () => {
    const page = await visit(session.context, session.popupUrl.replace('src/popup/index.html', 'src/verify-page/index.html'));
    const slip = zipSync({ 'manifest.json': strToU8('{}'), '../../evil.sh': strToU8('rm -rf ~') });
    const bomb = zipSync({ 'manifest.json': [new Uint8Array(8 * 1024 * 1024), { level: 9 }] });
    const view = new DataView(bomb.buffer);
    for (let at = 0; at + 4 <= bomb.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    const cases: Array<[string, Uint8Array, string, RegExp]> = [
      ['intact.zip', bundle, 'intact', /完整/],
      ['tampered.zip', rezip({ ...files, 'report.html': strToU8('<p>forged</p>') }), 'tampered', /report\.html/],
      ['slip.zip', slip, 'unreadable', /path traversal/],
      ['bomb.zip', bomb, 'unreadable', /zip bomb/],
      ['garbage.zip', strToU8('not a zip'), 'unreadable', /无法读取/],
    ];
    for (const [name, bytes, status, text] of cases) {
      await page.setInputFiles('#bundle', { name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
      await expect.poll(() => page.getAttribute('#result', 'data-status'), { timeout: 20_000 }).toBe(status);
      expect(await page.textContent('#result'), name).toMatch(text);
    }
    await page.close();
  });

  it('the popup gives the stamped image of a capture in one click', async () => {
    const popup = await visit(session.context, session.popupUrl);
    await popup.getByRole('button', { name: /签名校验失败/ }).first().click();
    const { name, bytes } = await downloadFrom(popup, '下载水印截图', join(outDir, 'one-stamped.png'));
    await popup.close();
    expect(name).toMatch(/^paywitness-127\.0\.0\.1-.+-stamped\.(png|jpg)$/);
    expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    // PNG header: width and height, big-endian at bytes 16 and 20; the band makes it taller than the tab.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const capture = entries.find((entry) => name.includes(`-${entry.id.slice(0, 8)}-`))!;
    const shot = capture.files.find((file) => file.role === 'screenshot')!;
    const original = new DataView(files[shot.path]!.buffer, files[shot.path]!.byteOffset);
    expect(view.getUint32(16)).toBe(original.getUint32(16));
    expect(view.getUint32(20)).toBeGreaterThan(original.getUint32(20) + 80);
  });

  it('exports one case, redacted, from the popup: only that case, no page text, still verifies', async () => {
    const popup = await visit(session.context, session.popupUrl);
    const caseId = entries[2]!.caseId;
    await popup.locator('details.export-options summary').click();
    await popup.locator('details.export-options select').selectOption(caseId);
    await popup.locator('details.export-options input[type=checkbox]').check();
    const { name, bytes } = await downloadFrom(popup, '导出此案件', join(outDir, 'case.zip'));
    await popup.close();
    expect(name).toContain('localhost');
    const names = Object.keys(unzipSync(bytes));
    expect(names.some((entry) => entry.endsWith('page.txt'))).toBe(false);
    expect(names.filter((entry) => entry.endsWith('screenshot.png'))).toHaveLength(1);
    const pageFiles = entries[2]!.files.filter((file) => file.role === 'text' || file.role === 'html');
    expect(pageFiles.length).toBeGreaterThanOrEqual(1);
    expect(names.some((entry) => pageFiles.some((file) => file.path === entry))).toBe(false);
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 1, omitted: pageFiles.length });
  });
});
