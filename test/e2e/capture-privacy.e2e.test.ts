import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../src/evidence/capture-entry';
import { decodeQuotedPrintable } from '../../src/privacy/redact-mhtml';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { withLuhn } from '../helpers/sensitive-numbers';

// Capture enrichment and privacy in real Chromium: masked page text / title, secret fields covered
// in the screenshot, MHTML saved (masked) and hashed, manual capture, attachments through export
// and verify.

const CARD = withLuhn('622202123456789012');
const CARD_SPACED = CARD.match(/.{1,4}/g)!.join(' ');
const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const ORDER_ID = '2024112812345678901';
const OTP = '654321';
const PASSWORD = 'hunter2-secret';

const ORDER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单详情 联系人 ${PHONE}</title>
<style>body{font:16px sans-serif;margin:20px} input{display:block;margin:8px 0;width:240px;height:32px;background:#fff;border:1px solid #999}</style></head>
<body><h1>订单详情</h1>
<p>订单号：${ORDER_ID}</p>
<p>付款卡号：${CARD_SPACED}</p>
<p>身份证：${ID_NUMBER}</p>
<p>联系电话：${PHONE}</p>
<form>
<input id="pw" type="password" name="password">
<input id="cc" autocomplete="cc-number" name="cc">
<input id="cvv" autocomplete="cc-csc" name="cvv">
<input id="otp" readonly autocomplete="one-time-code" value="${OTP}">
<input id="note" readonly value="备注：已付款">
</form></body></html>`;

// 3000 px tall: red, green, blue bands, and a password field far below the first viewport.
const LONG_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>长订单页</title></head>
<body style="margin:0"><div style="height:800px;background:#e00000"></div><div style="height:1200px;background:#00c000"></div>
<div style="height:1000px;background:#0000e0"></div>
<input id="pw" type="password" style="position:absolute;left:20px;top:2500px;width:240px;height:32px;background:#fff;border:0">
</body></html>`;

const PLAIN_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>说明</title></head><body><p>一段普通的说明文字。</p></body></html>';

describe('capture enrichment and privacy in real Chromium', () => {
  let session: ExtensionSession;
  let server: Server;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.url === '/plain' ? PLAIN_PAGE : request.url === '/long' ? LONG_PAGE : ORDER_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session = await startExtensionSession({ locale: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('manual capture: masked text and title, covered secret fields, masked MHTML, browser metadata', async () => {
    page = await visit(session.context, `${origin}/order`);
    await page.fill('#pw', PASSWORD);
    await page.fill('#cc', CARD);
    await page.fill('#cvv', '123');
    const before = await session.entries();
    const reply = await manualCapture(session, `${origin}/order`);
    expect(reply).toMatchObject({ ok: true, screenshotError: null });
    const entries = await session.waitForEntries(before.length + 1);
    const entry = entries.at(-1)!;

    expect(entry).toMatchObject({ trigger: 'manual', kind: 'order_status', reasonCode: 'manual_capture_order', orderId: ORDER_ID });
    expect(entry.title).toBe('订单详情 联系人 138****5678');
    expect(entry.environment.viewport).toEqual({ width: 1280, height: 800, devicePixelRatio: 1 });
    expect(entry.environment.browser?.name).toMatch(/Chrom/);
    expect(entry.environment.browser?.version).toMatch(/^\d+\./);
    expect(entry.files.map((file) => file.role)).toEqual(['screenshot', 'text', 'html']);

    const text = new TextDecoder().decode(await storedBytes(session, pathOf(entry, 'text')));
    expect(text).toContain(`订单号：${ORDER_ID}`);
    expect(text).toContain(`付款卡号：**** **** **** ***${CARD.slice(-4, -3)} ${CARD.slice(-3)}`);
    expect(text).toContain('身份证：**************002X');
    expect(text).toContain('联系电话：138****5678');
    for (const secret of [CARD, CARD_SPACED, ID_NUMBER, PHONE, OTP, PASSWORD]) expect(text).not.toContain(secret);
    expect(text).toContain('备注：已付款'); // an ordinary read-only field is still read

    const html = entry.files.find((file) => file.role === 'html')!;
    expect(html).toMatchObject({ path: `captures/${entry.id}/page.mhtml`, type: 'multipart/related' });
    const mhtml = await storedBytes(session, html.path);
    expect(mhtml.byteLength).toBe(html.bytes);
    expect(await sha256(mhtml)).toBe(html.sha256);
    const decoded = new TextDecoder().decode(decodeQuotedPrintable(new TextDecoder('latin1').decode(mhtml)));
    expect(decoded).toContain('订单详情');
    expect(decoded).toContain(ORDER_ID);
    for (const secret of [CARD_SPACED, ID_NUMBER, PHONE]) expect(decoded).not.toContain(secret);

    // The fields are painted over on the stored picture only; the live page never had a cover
    // (nothing was put into it: test/e2e/invisible-to-pages.e2e.test.ts).
    const shot = await storedBytes(session, pathOf(entry, 'screenshot'));
    const live = new Uint8Array(await page.screenshot());
    for (const id of ['pw', 'cc', 'cvv']) {
      const box = (await page.locator(`#${id}`).boundingBox())!;
      const point = { x: Math.round(box.x + 4), y: Math.round(box.y + box.height / 2) };
      const [stored] = await pixelsAt(session, shot, [point]);
      const [unmasked] = await pixelsAt(session, live, [point]);
      expect(stored, `${id} covered in the stored shot`).toEqual([58, 58, 58]);
      expect(unmasked, `${id} uncovered on the live page`).not.toEqual([58, 58, 58]);
    }
  });

  it('manual capture of a page with nothing detected is kind manual, and the menu and command exist', async () => {
    const plain = await visit(session.context, `${origin}/plain`);
    const before = await session.entries();
    expect(await manualCapture(session, `${origin}/plain`)).toMatchObject({ ok: true });
    const entry = (await session.waitForEntries(before.length + 1)).at(-1)!;
    expect(entry).toMatchObject({ trigger: 'manual', kind: 'manual', responsibility: null, reasonCode: 'manual_capture' });
    expect(entry.files.map((file) => file.role)).toEqual(['screenshot', 'text', 'html']);
    await plain.close();

    const commands = await session.browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((command) => command.name === 'save-evidence')).toMatchObject({ shortcut: 'Alt+Shift+S' });
    // update() fails for an item that was never created: this proves onInstalled created it.
    await session.browser.worker.evaluate(() => chrome.contextMenus.update('paywitness-save-evidence', {}));
  });

  it('full-page option without the debugger permission: scrolled tiles stitched, secret fields covered all the way down', async () => {
    await session.probe.evaluate(() => chrome.storage.local.set({ settings: { fullPageCapture: true } }));
    const long = await visit(session.context, `${origin}/long`);
    await long.fill('#pw', PASSWORD);
    const scrolledTo = await long.evaluate(() => window.scrollY);
    const before = await session.entries();
    expect(await manualCapture(session, `${origin}/long`)).toMatchObject({ ok: true, screenshotError: null });
    const entry = (await session.waitForEntries(before.length + 1)).at(-1)!;
    const shot = await storedBytes(session, pathOf(entry, 'screenshot'));
    const [size] = await session.probe.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      return [[bitmap.width, bitmap.height]];
    }, Array.from(shot));
    expect(size![1]).toBe(3000);
    const [top, middle, bottom, field] = await pixelsAt(session, shot, [
      { x: 600, y: 100 },
      { x: 600, y: 1500 },
      { x: 600, y: 2950 },
      { x: 30, y: 2516 },
    ]);
    expect(top).toEqual([224, 0, 0]);
    expect(middle).toEqual([0, 192, 0]);
    expect(bottom).toEqual([0, 0, 224]);
    expect(field).toEqual([58, 58, 58]);
    expect(await long.evaluate(() => window.scrollY)).toBe(scrolledTo); // scrolled back where it was
    await session.probe.evaluate(() => chrome.storage.local.set({ settings: { fullPageCapture: false } }));
    await long.close();
  });

  it('an attachment added in the popup is sealed into the case, exported and verified', async () => {
    const popup = await visit(session.context, session.popupUrl);
    const before = await session.entries();
    const caseId = before.find((entry) => entry.kind === 'order_status')!.caseId;
    await popup.locator('.capture-tools select').selectOption(caseId);
    const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    await popup.locator('.capture-tools input[type=file]').setInputFiles({ name: `银行短信 ${PHONE}.png`, mimeType: 'image/png', buffer: Buffer.from(bytes) });
    const entry = (await session.waitForEntries(before.length + 1)).at(-1)!;
    expect(entry).toMatchObject({ kind: 'attachment', trigger: 'manual', caseId, orderId: ORDER_ID, title: '银行短信 138****5678.png' });
    expect(entry.files).toEqual([
      expect.objectContaining({ role: 'attachment', path: `captures/${entry.id}/attachments/银行短信 138____5678.png`, bytes: 4096, type: 'image/png' }),
    ]);
    await expect.poll(() => popup.locator('.capture-tools [role=status]').textContent()).toContain('已添加附件');

    // Too large: refused with a clear message, nothing stored.
    // (The 21 MB file is made inside the page: sending it over the protocol would take many seconds.)
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.capture-tools input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.bin'));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => popup.locator('.capture-tools [role=status]').textContent()).toContain('太大');
    expect((await session.entries()).length).toBe(before.length + 1);

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: '导出全部' }).click()]);
    const zip = new Uint8Array(await readStream(await download.createReadStream()));
    expect(await verifyBundle(zip)).toMatchObject({ status: 'intact' });
    const files = unzipSync(zip);
    expect(files[entry.files[0]!.path]).toEqual(bytes);
    const mhtmlPaths = Object.keys(files).filter((name) => name.endsWith('/page.mhtml'));
    expect(mhtmlPaths.length).toBeGreaterThanOrEqual(2);
    await popup.close();
  });
});

async function manualCapture(session: ExtensionSession, url: string): Promise<unknown> {
  // The popup button sends exactly this message for the active tab; a popup opened as a tab in a
  // test would be the active tab itself, so the probe page names the tab.
  return session.probe.evaluate(async (target) => {
    const [tab] = await chrome.tabs.query({ url: target });
    return chrome.runtime.sendMessage({ type: 'capture:manual', tabId: tab!.id });
  }, url);
}

function pathOf(entry: CaptureEntry, role: string): string {
  return entry.files.find((file) => file.role === role)!.path;
}

async function storedBytes(session: ExtensionSession, path: string): Promise<Uint8Array> {
  const numbers = await session.probe.evaluate(
    (target) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('paywitness-evidence');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('files').objectStore('files').get(target);
          request.onsuccess = async () => {
            const blob = (request.result as { blob: Blob }).blob;
            resolve(Array.from(new Uint8Array(await blob.arrayBuffer())));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    path,
  );
  return new Uint8Array(numbers);
}

/** Decodes a PNG in the extension page (no PNG library needed) and reads RGB at the points. */
async function pixelsAt(session: ExtensionSession, png: Uint8Array, points: Array<{ x: number; y: number }>): Promise<number[][]> {
  return session.probe.evaluate(
    async ({ bytes, at }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return at.map(({ x, y }) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)));
    },
    { bytes: Array.from(png), at: points },
  );
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
