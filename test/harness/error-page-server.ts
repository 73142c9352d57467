import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny server whose every page is a dujiaoka-style payment error (支付网关异常！), so a page under
// /pay-gateway/… is captured automatically. Each page shows its own path, so captures differ.

export interface ErrorPageServer {
  origin: string;
  close(): Promise<void>;
}

export async function startErrorPageServer(): Promise<ErrorPageServer> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><title>出现错误了哟~</title><body style="background:#1565c0">
        <h4>出现错误了哟~</h4><div class="err-message"><h5>支付网关异常！</h5></div><p>${req.url}</p></body>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
