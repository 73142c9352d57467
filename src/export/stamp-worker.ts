/// <reference lib="webworker" />
import type { CaptureEntry } from '../evidence/capture-entry';
import { stampScreenshot } from './stamp-image';

// Draws and encodes stamped copies off the page's main thread: PNG/JPEG encoding of a full
// screenshot takes 50–200 ms, which on the popup's thread would be felt on every capture exported.

export interface StampJob {
  id: number;
  capture: CaptureEntry;
  original: Blob;
  sha256: string;
}

export type StampReply = { id: number; blob: Blob; extension: 'png' | 'jpg' } | { id: number; blob: null; error: string | null };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<StampJob>) => {
  const { id, capture, original, sha256 } = event.data;
  stampScreenshot(capture, original, sha256).then(
    (copy) => scope.postMessage((copy ? { id, ...copy } : { id, blob: null, error: null }) satisfies StampReply),
    (error: unknown) => scope.postMessage({ id, blob: null, error: String(error) } satisfies StampReply),
  );
};
