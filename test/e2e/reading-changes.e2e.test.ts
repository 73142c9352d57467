import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachContentScriptWorld, stopServiceWorkers } from '../harness/content-script-world';
import { startExtensionSession, type ExtensionSession } from '../harness/extension-session';
import { serveHtml, type HtmlServer } from '../harness/html-server';

// After its first reading a page sends only what changed, and the worker puts the reading together
// from the one it holds (src/messages/reading-change.ts). A worker stopped in between holds nothing:
// the change is refused with "send the whole reading", and the reader sends it. Either way the
// failure that appears later is captured.

const orderPage = (orderId: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单支付 - 星河发卡</title>
<style>body{font:16px sans-serif;margin:20px} .layui-layer-msg{position:fixed;top:40%;left:40%;background:#333;color:#fff;padding:1em}</style></head>
<body><h1>订单支付</h1><p>订单号：${orderId}</p><p>实际支付价格：￥ 30.00</p><p>支付方式：易支付</p>
<ul id="feed">${Array.from({ length: 20 }, (_, i) => `<li>用户 ${i} 刚刚购买了 腾讯视频VIP会员 月卡</li>`).join('')}</ul>
<div id="toast-host"></div>
<script>window.fail = () => {
  const layer = document.createElement('div');
  layer.className = 'layui-layer layui-layer-dialog layui-layer-msg';
  layer.textContent = '支付网关异常！';
  document.getElementById('toast-host').append(layer);
};</script></body></html>`;

describe('readings sent as what changed (real Chromium)', () => {
  let session: ExtensionSession;
  let server: HtmlServer;
  let origin: string;

  beforeAll(async () => {
    server = await serveHtml((url) => orderPage(url.pathname.split('/').pop() ?? 'X'));
    origin = server.origin;
    session = await startExtensionSession();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Opens the page and waits until its reader runs (it answers the extension only once it has sent its first reading). */
  async function openRead(orderId: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.bringToFront();
    await page.goto(`${origin}/pay/epay/${orderId}`);
    const tabUrl = page.url();
    await expect
      .poll(
        () =>
          // Asked from the worker: the reader answers only this extension's worker.
          session.browser.worker.evaluate(async (url) => {
            const [tab] = await chrome.tabs.query({ url });
            if (tab?.id === undefined) return null;
            return chrome.tabs.sendMessage(tab.id, { type: 'content:whoami' }).then(
              (reply: { docToken?: string } | undefined) => reply?.docToken ?? null,
              () => null,
            );
          }, tabUrl),
        { timeout: 15_000, interval: 200 },
      )
      .not.toBeNull();
    // The first reading went out before the reader listened; give the worker a moment to take it.
    await page.waitForTimeout(1_000);
    return page;
  }

  it('captures a failure that appears after the first reading, sent as a change', async () => {
    const before = (await session.entries()).length;
    const page = await openRead('DELTA20261206A');
    expect((await session.entries()).length).toBe(before);
    await page.evaluate(() => (window as unknown as { fail: () => void }).fail());
    const entries = await session.waitForEntries(before + 1, 20_000);
    expect(entries.at(-1)).toMatchObject({ trigger: 'auto', orderId: 'DELTA20261206A' });
    await page.close();
  });

  it('captures it too when the worker was stopped in between and holds no reading to change', async () => {
    const before = (await session.entries()).length;
    const page = await openRead('DELTA20261206B');
    const world = await attachContentScriptWorld(session.context, page);
    await stopServiceWorkers(world);
    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as { fail: () => void }).fail());
    const entries = await session.waitForEntries(before + 1, 30_000);
    expect(entries.at(-1)).toMatchObject({ trigger: 'auto', orderId: 'DELTA20261206B' });
    await page.close();
  });
});
