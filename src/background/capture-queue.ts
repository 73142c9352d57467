// captureVisibleTab allows two calls a second per browser. Every screenshot goes through one
// serial queue that spaces starts apart and retries the rare call the browser still refuses,
// so a burst of detections never surfaces a rate-limit error to the shopper.

export interface CaptureQueueOptions {
  minIntervalMs: number;
  retryDelayMs: number;
  maxRetries: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export type CaptureQueue = <T>(task: () => Promise<T>) => Promise<T>;

const RATE_LIMIT = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|rate/i;

export function createCaptureQueue(overrides: Partial<CaptureQueueOptions> = {}): CaptureQueue {
  const options: CaptureQueueOptions = {
    minIntervalMs: 550,
    retryDelayMs: 1_000,
    maxRetries: 3,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...overrides,
  };
  let tail: Promise<unknown> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;

  const spaced = async <T>(task: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      const wait = lastStart + options.minIntervalMs - options.now();
      if (wait > 0) await options.sleep(wait);
      lastStart = options.now();
      try {
        return await task();
      } catch (error) {
        if (attempt >= options.maxRetries || !RATE_LIMIT.test(String(error))) throw error;
        await options.sleep(options.retryDelayMs);
      }
    }
  };

  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(() => spaced(task));
    tail = run.catch(() => undefined);
    return run;
  };
}
