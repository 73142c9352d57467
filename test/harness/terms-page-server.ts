import { createServer, type Server } from 'node:http';

// A shop's 用户协议 page with the clauses the terms scanner must flag, served on 127.0.0.1 so it
// belongs to the same site as the demo shop. The text is written for this test, not copied.

const TERMS_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>用户协议 - 星河发卡</title></head>
<body><header><a href="/">星河发卡</a></header>
<main><h1>用户协议</h1>
<p>一、本站出售的商品均为虚拟商品，购买前请仔细阅读商品说明。</p>
<p>二、虚拟商品一经售出概不退换，卡密发放后不支持退款。</p>
<p>三、因第三方支付通道故障造成的任何损失，本站不承担任何责任。</p>
<p>四、本站有权随时修改本协议内容，修改后无需另行通知用户。</p>
<p>五、订单问题请在下单后 24 小时内联系客服处理。</p>
<p>本活动最终解释权归星河发卡所有。</p></main>
<footer>© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1 · 支持担保交易</footer></body></html>`;

export async function startTermsServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/agreement') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TERMS_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
