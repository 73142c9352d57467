import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A page written for one test, served on 127.0.0.1 (a content script runs only on http(s) pages):
// every request is answered with the HTML `pageFor` returns for its URL.

export interface HtmlServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveHtml(pageFor: (url: URL) => string): Promise<HtmlServer> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(pageFor(new URL(request.url ?? '/', 'http://127.0.0.1')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
