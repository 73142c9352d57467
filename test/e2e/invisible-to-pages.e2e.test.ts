import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionSession, type ExtensionSession } from '../harness/extension-session';
import { serveHtml, type HtmlServer } from '../harness/html-server';

// A shop that knows its visitor keeps evidence can show a different page: PayWitness must be
// invisible to the page it records. A payment page whose own script watches everything a script
// can watch from the start (every DOM mutation, attribute and node included, every performance
// entry, the window's globals, the events that reach window and document) shows an error the
// extension captures — screenshot with a password field painted over included — and then tries
// to fetch every file the build emitted. It must see only what it did itself.

const PAY_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单支付 - 星河发卡</title>
<style>body{font:16px sans-serif;margin:20px} input{display:block;margin:8px 0;width:240px;height:32px}
.layui-layer-msg{position:fixed;top:40%;left:40%;background:#333;color:#fff;padding:1em}</style></head>
<body><h1>订单支付</h1><p>订单号：INVIS20261206</p><p>实际支付价格：￥ 30.00</p><p>支付方式：易支付</p>
<form><input id="pw" type="password" name="password" autocomplete="current-password"></form>
<div id="toast-host"></div>
<script>setTimeout(() => {
  const layer = document.createElement('div');
  layer.className = 'layui-layer layui-layer-dialog layui-layer-msg';
  layer.textContent = '支付网关异常！';
  document.getElementById('toast-host').append(layer);
}, 1500);</script></body></html>`;

/** Installed before any script of the page runs: what a shop's own script can learn. */
function installProbes(): void {
  const probe = {
    globals: Object.getOwnPropertyNames(window),
    mutations: [] as string[],
    entries: [] as string[],
    events: [] as string[],
  };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  const name = (node: Node) => (node.nodeType === 1 ? `${(node as Element).tagName}${(node as Element).id ? `#${(node as Element).id}` : ''}` : node.nodeName);
  // From the end of parsing on (the parser's own insertions are not the extension's): content
  // scripts run at document_idle, after it.
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const record of records) {
        const added = Array.from(record.addedNodes, name).join(',');
        const removed = Array.from(record.removedNodes, name).join(',');
        probe.mutations.push(`${record.type} ${name(record.target)} ${record.attributeName ?? ''} +[${added}] -[${removed}]`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true });
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.entries.push(`${entry.entryType} ${entry.name}`);
  }).observe({ entryTypes: ['mark', 'measure', 'resource', 'element', 'event', 'longtask'].filter((type) => PerformanceObserver.supportedEntryTypes.includes(type)) });
  for (const type of ['message', 'scroll', 'resize', 'focus', 'blur', 'visibilitychange', 'hashchange', 'popstate', 'securitypolicyviolation', 'error']) {
    window.addEventListener(type, (event) => probe.events.push(`window ${event.type}`), true);
    document.addEventListener(type, (event) => probe.events.push(`document ${event.type}`), true);
  }
}

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('invisible to the page it records (real Chromium)', () => {
  let session: ExtensionSession;
  let server: HtmlServer;
  let origin: string;

  beforeAll(async () => {
    server = await serveHtml(() => PAY_PAGE);
    origin = server.origin;
    session = await startExtensionSession();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('captures a failed payment while the page sees nothing of it, and can fetch none of its files', async () => {
    const before = (await session.entries()).length;
    const page = await session.context.newPage();
    await page.addInitScript(installProbes);
    await page.bringToFront();
    await page.goto(`${origin}/pay/epay/INVIS20261206`);
    await page.fill('#pw', 'hunter2-secret');
    // Typing focused the field: those events are the test's own; from here on the page is left alone.
    await page.evaluate(() => ((window as unknown as { __probe: { events: string[] } }).__probe.events.length = 0));

    const entries = await session.waitForEntries(before + 1, 20_000);
    expect(entries.length).toBe(before + 1);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ trigger: 'auto', orderId: 'INVIS20261206', screenshotError: null });
    expect(entry.files.map((file) => file.role)).toContain('screenshot');

    const dist = resolve(process.env.PAYWITNESS_DIST ?? 'dist');
    const files = builtFiles(dist);
    expect(files).toContain('manifest.json');
    expect(files.some((file) => file.startsWith('content/'))).toBe(true);
    const seen = await page.evaluate(
      async ({ id, paths }) => {
        const probe = (window as unknown as { __probe: { globals: string[]; mutations: string[]; entries: string[]; events: string[] } }).__probe;
        const fetched = await Promise.all(
          paths.map((path) =>
            fetch(`chrome-extension://${id}/${path}`).then(
              (response) => `${path} ${response.status}`,
              () => null,
            ),
          ),
        );
        const globals = Object.getOwnPropertyNames(window).filter((key) => !probe.globals.includes(key) && key !== '__probe');
        const extensionEntries = performance.getEntries().filter((entry) => /^chrome-extension:|paywitness/i.test(entry.name) || entry.entryType === 'mark' || entry.entryType === 'measure');
        const attributes = Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes, (attr) => attr.name)).filter((name) => /paywitness|^data-pw/i.test(name));
        return { probe, fetched: fetched.filter((result) => result !== null), globals, extensionEntries: extensionEntries.map((entry) => entry.name), attributes };
      },
      { id: session.browser.extensionId, paths: files },
    );

    // The only change to the DOM is the page's own toast; the observer was live to see it.
    expect(seen.probe.mutations).toEqual(['childList DIV#toast-host  +[DIV] -[]']);
    expect(seen.attributes).toEqual([]);
    expect(seen.globals).toEqual([]);
    expect(seen.extensionEntries).toEqual([]);
    expect(seen.probe.entries.filter((entry) => /chrome-extension:|^mark |^measure /.test(entry))).toEqual([]);
    expect(seen.probe.events).toEqual([]);
    expect(seen.fetched).toEqual([]);
    await page.close();
  });
});
