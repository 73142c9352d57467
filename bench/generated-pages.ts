import http from 'node:http';
import type { AddressInfo } from 'node:net';

// Pages the demo shop does not have: a long checkout page shaped like a dujiaoka bill (so the
// content script reads it in depth) on which the bench adds an error toast or a stream of DOM
// mutations at a moment it controls. No order in its list is open: an order awaiting payment is
// kept as the "before" picture of a later failure (detectors/open-order.ts), and the page must not
// be evidence before its toast (a capture at every load would be timed as the page's cost, and its
// screenshot would eat the captureVisibleTab quota the latency bench measures beside).

const ROWS = Array.from(
  { length: 150 },
  (_, i) => `<tr><td>订单号 GEN${String(i).padStart(8, '0')}</td><td>腾讯视频VIP会员 月卡</td><td>￥ ${(10 + (i % 40)).toFixed(2)}</td><td>${i % 3 ? '已完成' : '已关闭'}</td></tr>`,
).join('');

export function checkoutPage(id: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>订单确认 - 星河发卡</title>
<style>body{font:14px sans-serif;margin:2em}.layui-layer-msg{position:fixed;top:40%;left:40%;background:#333;color:#fff;padding:1em}</style></head>
<body><h1>订单确认</h1><p>订单号：${id}</p><p>实际支付价格：￥ 10.00</p><p>支付方式：微信扫码</p>
<button type="button">立即支付</button><p id="ticker">剩余支付时间 15:00</p><ul id="feed"></ul>
<h2>最近订单</h2><table>${ROWS}</table><div id="toast-host"></div></body></html>`;
}

export async function startGeneratedPages(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const id = /^\/checkout\/([A-Za-z0-9]+)$/.exec(req.url ?? '')?.[1];
    if (!id) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(checkoutPage(id));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** In the page: show the dujiaoka layer.msg toast; returns the wall-clock time it was inserted. */
export function showErrorToast(): number {
  const host = document.getElementById('toast-host')!;
  const layer = document.createElement('div');
  layer.className = 'layui-layer layui-layer-dialog layui-layer-msg';
  const content = document.createElement('div');
  content.className = 'layui-layer-content';
  content.textContent = '支付网关异常！';
  layer.append(content);
  host.append(layer);
  return Date.now();
}

/**
 * In the page: `count` mutations as a live page makes them (a countdown ticking, a feed growing),
 * 10 per task every 10 ms. Resolves when the last one is made.
 */
export function makeMutations(count: number): Promise<void> {
  const ticker = document.getElementById('ticker')!;
  const feed = document.getElementById('feed')!;
  let made = 0;
  return new Promise((resolve) => {
    const step = () => {
      for (let i = 0; i < 10 && made < count; i++, made++) {
        if (made % 2) ticker.textContent = `剩余支付时间 ${14 - Math.floor(made / 120)}:${String(59 - (made % 60)).padStart(2, '0')}`;
        else feed.insertAdjacentHTML('afterbegin', `<li>用户 ${made} 刚刚购买了 网易云音乐黑胶VIP 季卡</li>`);
      }
      if (made < count) setTimeout(step, 10);
      else resolve();
    };
    step();
  });
}
