import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { serveHtml, type HtmlServer } from '../harness/html-server';

// The gate in every page (src/content/gate.ts) reads the page once when it is idle — at most 2 s
// after the script came in (an idle callback's timeout), so also a page whose load never ends (a
// resource that never answers); a page that is not a shop then but turns into one without loading
// a new document must still be read: a script shell that fills in its order page after idle (looked
// at again a few seconds later, since it had little text), and a long page whose hash route changes
// to a payment that failed — by a URL that says so, or by one that does not, drawn by the page's own
// hashchange handler (the gate hears popstate, which comes before it, and looks a second later).

const SHOP_TEXT = `<h1>订单支付</h1><p>订单号：__ID__</p><p>实际支付价格：￥ 30.00</p><p>支付方式：易支付</p>
<div class="layui-layer layui-layer-dialog layui-layer-msg" style="position:fixed;top:40%;left:40%">支付网关异常！</div>`;

const LATE_SHELL = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>加载中</title></head>
<body><div id="app">加载中…</div><script>setTimeout(() => {
  document.title = '订单支付 - 星河发卡';
  document.getElementById('app').innerHTML = ${JSON.stringify(SHOP_TEXT.replace('__ID__', 'GATELATE20261206'))};
}, 2800);</script></body></html>`;

const NEVER_LOADED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单支付</title></head>
<body>${SHOP_TEXT.replace('__ID__', 'GATESTALL20261207')}<img src="__SILENT__/logo.png" alt=""></body></html>`;

const ARTICLE = `<p>${'这是一篇关于城市园林与四季植物的长文章，讲述树木如何在城市中生长。'.repeat(12)}</p>`;
const HASH_ROUTED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>读书笔记</title></head>
<body><div id="app">${ARTICLE.repeat(12)}</div><script>addEventListener('hashchange', () => {
  if (location.hash === '#/pay') document.getElementById('app').innerHTML = ${JSON.stringify(SHOP_TEXT.replace('__ID__', 'GATEHASH20261206'))};
  if (location.hash === '#/r/7') document.getElementById('app').innerHTML = ${JSON.stringify(SHOP_TEXT.replace('__ID__', 'GATEROUTE20261207'))};
});</script></body></html>`;

describe('the gate looks again when a page becomes a shop later (real Chromium)', () => {
  let session: ExtensionSession;
  let server: HtmlServer;
  let origin: string;
  // Takes connections and never answers: a page with an image from it never fires `load`.
  let silent: Server;
  const held: Socket[] = [];

  beforeAll(async () => {
    silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    server = await serveHtml((url) =>
      url.pathname.startsWith('/late')
        ? LATE_SHELL
        : url.pathname.startsWith('/stalled')
          ? NEVER_LOADED.replace('__SILENT__', silentOrigin)
          : HASH_ROUTED,
    );
    origin = server.origin;
    session = await startExtensionSession();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    for (const socket of held) socket.destroy();
    await new Promise<void>((done) => (silent ? silent.close(() => done()) : done()));
  });

  it('reads a shop page whose load never ends, without waiting for it', async () => {
    const before = (await session.entries()).length;
    const page = await session.context.newPage();
    await page.bringToFront();
    await page.goto(`${origin}/stalled/pay`, { waitUntil: 'domcontentloaded' });
    const entries = await session.waitForEntries(before + 1, 20_000);
    expect(entries.at(-1)).toMatchObject({ trigger: 'auto', orderId: 'GATESTALL20261207' });
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await page.close();
  });

  it('reads a script shell that shows its failed order only after the page went idle', async () => {
    const before = (await session.entries()).length;
    const page = await visit(session.context, `${origin}/late/home`);
    const entries = await session.waitForEntries(before + 1, 20_000);
    expect(entries.at(-1)).toMatchObject({ trigger: 'auto', orderId: 'GATELATE20261206' });
    await page.close();
  });

  /** The long page, left alone past both looks, then sent to `hash`: its failed payment must be read. */
  const readsAfterHashRoute = async (hash: string, orderId: string) => {
    const before = (await session.entries()).length;
    const page = await visit(session.context, `${origin}/notes`);
    // Well past the first look (idle) and the time a second one would come.
    await page.waitForTimeout(4_500);
    expect((await session.entries()).length).toBe(before);
    await page.evaluate((to) => (location.hash = to), hash);
    const entries = await session.waitForEntries(before + 1, 20_000);
    expect(entries.at(-1)).toMatchObject({ trigger: 'auto', orderId });
    await page.close();
  };

  it('reads a long page whose hash route turns into a failed payment', () => readsAfterHashRoute('#/pay', 'GATEHASH20261206'));

  it('reads a long page whose hash route, in a URL with no shop word, draws a failed payment', () =>
    readsAfterHashRoute('#/r/7', 'GATEROUTE20261207'));
});
