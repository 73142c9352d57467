import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sleep } from './bench-stats';

// Playwright gives no CDP session on a service worker, so the bench asks Chromium (started with
// --remote-debugging-port=0) for its targets and talks CDP to the worker over a WebSocket.
// Needs the WebSocket global: Node 22+, or Node 20 with --experimental-websocket (npm run bench).

export interface CdpTarget {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

export async function connectToServiceWorker(userDataDir: string, extensionId: string): Promise<CdpTarget> {
  const port = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0];
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }>;
  const target = targets.find((item) => item.type === 'service_worker' && item.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('the extension service worker is not running');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return Promise.race([
        new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })),
        sleep(15_000).then(() => Promise.reject(new Error(`CDP ${method} timed out`))),
      ]);
    },
    close: () => socket.close(),
  };
}

/** Live JS heap of the worker after a full garbage collection, in bytes. */
export async function workerHeapAfterGc(worker: CdpTarget): Promise<{ usedSize: number; totalSize: number }> {
  await worker.send('HeapProfiler.enable');
  await worker.send('HeapProfiler.collectGarbage');
  return worker.send('Runtime.getHeapUsage');
}
