import type { CaptureEntry } from '../evidence/capture-entry';
import { stampScreenshot } from './stamp-image';
import type { StampJob, StampReply } from './stamp-worker';
import type { StampedCopy } from './write-bundle';

// One worker for the length of an export; where a worker cannot be started the page draws the
// copies itself (same code, just on its own thread).

export interface Stamper {
  stamp(capture: CaptureEntry, original: Blob, sha256: string): Promise<StampedCopy | null>;
  close(): void;
}

export function startStamper(): Stamper {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./stamp-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return { stamp: stampScreenshot, close: () => undefined };
  }
  const waiting = new Map<number, (reply: StampReply) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<StampReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  let broken = false;
  worker.onerror = () => {
    broken = true;
    for (const settle of waiting.values()) settle({ id: -1, blob: null, error: 'worker failed' });
    waiting.clear();
  };
  return {
    stamp(capture, original, sha256) {
      if (broken) return stampScreenshot(capture, original, sha256);
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, (reply) => {
          if (reply.blob) resolve({ blob: reply.blob, extension: reply.extension });
          else if (reply.error === 'worker failed') resolve(stampScreenshot(capture, original, sha256));
          else if (reply.error) reject(new Error(reply.error));
          else resolve(null);
        });
        worker.postMessage({ id, capture, original, sha256 } satisfies StampJob);
      });
    },
    close: () => worker.terminate(),
  };
}
