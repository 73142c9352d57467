import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { CaptureKind, Responsibility } from '../../src/evidence/capture-entry';

// The fixture pages of test/fixtures/pages with their sidecars, and a local https server that
// answers for every made-up shop host: the browser is told to resolve all hosts to 127.0.0.1 and to
// accept the server's self-signed test certificate (see `browserArgs`; https because .dev/.app
// hosts are HSTS-preloaded), so a page loads under its own URL and the detector sees the URL a
// shopper would. Several pages share one URL (a list page in two states),
// so a page may name its fixture in the `x-paywitness-fixture` request header.

export const FIXTURE_ROOT = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));
/** A blind batch or any other corpus laid out like test/fixtures/pages (`npm run eval -- --corpus <dir>`). */
export const BLIND_ROOT = fileURLToPath(new URL('../fixtures/blind/', import.meta.url));
export const FIXTURE_HEADER = 'x-paywitness-fixture';

/** The blind batches folded into the repository (batch-N and the final one), by name; a batch still sealed is not here. */
export function blindBatches(): string[] {
  return existsSync(BLIND_ROOT) ? readdirSync(BLIND_ROOT).filter((name) => /^(batch-\d+|final)$/.test(name)).sort() : [];
}

export interface FixtureExpectation {
  kind: CaptureKind | 'none';
  responsibility: Responsibility | null;
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  createdAt: string | null;
}

export interface Fixture {
  /** "<system>/<slug>" */
  id: string;
  system: string;
  url: string;
  now: string;
  delayMs: number;
  note: string;
  expected: FixtureExpectation;
  html: string;
}

export function loadCorpus(root: string = FIXTURE_ROOT): Fixture[] {
  const base = root.endsWith('/') ? root : `${root}/`;
  const fixtures: Fixture[] = [];
  for (const system of readdirSync(base, { withFileTypes: true })) {
    if (!system.isDirectory()) continue;
    for (const file of readdirSync(`${base}${system.name}`).sort()) {
      if (!file.endsWith('.json')) continue;
      const slug = file.slice(0, -'.json'.length);
      const sidecar = JSON.parse(readFileSync(`${base}${system.name}/${file}`, 'utf8')) as Omit<Fixture, 'id' | 'system' | 'html'>;
      fixtures.push({
        id: `${system.name}/${slug}`,
        system: system.name,
        url: sidecar.url,
        now: sidecar.now,
        delayMs: sidecar.delayMs ?? 0,
        note: sidecar.note ?? '',
        expected: sidecar.expected,
        html: readFileSync(`${base}${system.name}/${slug}.html`, 'utf8'),
      });
    }
  }
  return fixtures;
}

/** The address the browser loads for a fixture: its own URL. */
export function servedUrl(fixture: Pick<Fixture, 'url'>): string {
  return fixture.url;
}

export interface FixtureServer {
  port: number;
  /** Chromium flags that send every host name to this server and accept its test certificate. */
  browserArgs: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(corpus: readonly Fixture[]): Promise<FixtureServer> {
  const byId = new Map(corpus.map((fixture) => [fixture.id, fixture]));
  const byUrl = new Map<string, Fixture>();
  for (const fixture of corpus) if (!byUrl.has(urlKey(fixture.url))) byUrl.set(urlKey(fixture.url), fixture);
  const tls = { key: readFileSync(new URL('./fixture-tls.key', import.meta.url)), cert: readFileSync(new URL('./fixture-tls.crt', import.meta.url)) };
  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const named = request.headers[FIXTURE_HEADER];
    const url = `https://${request.headers.host ?? ''}${request.url ?? '/'}`;
    const fixture = (typeof named === 'string' ? byId.get(named) : undefined) ?? byUrl.get(urlKey(url));
    if (!fixture || (typeof named === 'string' && urlKey(fixture.url) !== urlKey(url))) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(fixture.html);
  };
  // Shops and gateways answer on https and on plain http (a 码支付 cashier on http://host:52888/):
  // one front port, and the first byte of a connection says which (0x16 opens a TLS handshake).
  // Plain HTTP is handed to the http server; TLS is forwarded to the https server's own port (a
  // TLS server cannot take over a socket whose first bytes were already read).
  const secure = createHttpsServer(tls, answer);
  const plain = createHttpServer(answer);
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
  const securePort = (secure.address() as AddressInfo).port;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      if (first[0] === 0x16) {
        const upstream = connect(securePort, '127.0.0.1');
        upstream.write(first);
        socket.pipe(upstream).pipe(socket);
        const drop = () => {
          socket.destroy();
          upstream.destroy();
        };
        socket.on('error', drop);
        upstream.on('error', drop);
        return;
      }
      socket.pause();
      socket.unshift(first);
      plain.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    browserArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise<void>((resolve) => {
        secure.closeAllConnections();
        plain.closeAllConnections();
        secure.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function urlKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}${parsed.search}`;
}
