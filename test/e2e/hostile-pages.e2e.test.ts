import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';

// Pages a shop could serve to hurt the shopper's browser or the evidence: script-laden titles and
// messages, a 5 MB page, a page that never stops mutating.

const HOSTILE = `<img src=x onerror="document.title='pwned'">"><script>window.__pw=1</script>`;

const PAGES: Record<string, string> = {
  '/hostile': `<!doctype html><meta charset="utf-8"><title>${escape(HOSTILE)}</title>
    <body><h4>出现错误了哟~</h4><div class="err-message"><h5>支付网关异常！${escape(HOSTILE)}</h5></div></body>`,
  '/huge': `<!doctype html><meta charset="utf-8"><title>订单详情</title><body>
    ${'<p>商品介绍：这是一段很长的商品描述，用来把页面撑到五兆字节。</p>\n'.repeat(80_000)}
    <div class="alert alert-danger">支付网关异常！</div></body>`,
  '/churn': `<!doctype html><meta charset="utf-8"><title>收银台</title><body>
    <div id="clock"></div><div class="err-message"><h5>支付网关异常！</h5></div>
    <script>window.ticks = 0; setInterval(() => { const c = document.getElementById('clock'); window.ticks++;
      c.textContent = String(performance.now()); const d = document.createElement('span'); d.textContent = '·';
      c.appendChild(d); }, 5);</script></body>`,
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('hostile and heavy pages', () => {
  let session: ExtensionSession;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    session = await startExtensionSession();
    server = createServer((req, res) => {
      const body = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps hostile page text as text in the record and in the popup', async () => {
    const page = await visit(session.context, `${origin}/hostile`);
    const [entry] = await session.waitForEntries(1);
    expect(entry!.message).toContain('<script>window.__pw=1</script>');
    expect(entry!.title).toContain('<img src=x onerror=');
    await page.close();

    const popup = await visit(session.context, session.popupUrl);
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(1);
    expect(await popup.locator('.message').first().textContent()).toContain('<img src=x onerror=');
    expect(await popup.title()).not.toBe('pwned');
    expect(await popup.evaluate(() => (window as unknown as { __pw?: number }).__pw)).toBeUndefined();
    expect(await popup.locator('[onerror]').count()).toBe(0);
    await popup.close();
  });

  it('captures on a 5 MB page with the text read capped', async () => {
    const page = await visit(session.context, `${origin}/huge`);
    const entries = await session.waitForEntries(2, 30_000);
    const huge = entries.find((e) => e.url.endsWith('/huge'));
    expect(huge).toBeDefined();
    const text = huge!.files.find((f) => f.role === 'text')!;
    expect(text.bytes).toBeLessThan(1_000_000);
    await page.close();
  });

  it('reports a page that never stops mutating once, and the page keeps running', async () => {
    const page = await visit(session.context, `${origin}/churn`);
    await session.waitForEntries(3);
    await page.waitForTimeout(2_000);
    const churn = (await session.entries()).filter((e) => e.url.endsWith('/churn'));
    expect(churn).toHaveLength(1);
    const before = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await page.waitForTimeout(1_000);
    const after = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    // setInterval(5 ms) in a background-throttled headless tab still runs many times a second.
    expect(after - before).toBeGreaterThan(50);
    await page.close();
  });
});
