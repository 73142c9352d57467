// A request that got no answer at all (the worker was stopped or killed before replying) is sent
// again with the SAME idempotency key: if the first attempt was committed, the worker answers with
// that capture; if it was half-done, the restarted worker has finished it; otherwise it is made now.
// An answer of any kind, even a refusal, is final. Until then the page keeps asking for about two
// minutes, further apart each time: a worker stopped again and again on a busy machine must not
// cost the shopper the capture. The first tries come quickly (a page read goes through two asks in
// turn: the gate's, then the reader's), so a worker up for a few hundred milliseconds between
// stops is found within the first seconds.

export interface RetryOptions {
  delaysMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
}

const DEFAULT_RETRY: RetryOptions = {
  delaysMs: [100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_000, 30_000, 30_000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function submitWithRetry<R>(send: () => Promise<R | undefined>, options: Partial<RetryOptions> = {}): Promise<R> {
  const { delaysMs, sleep } = { ...DEFAULT_RETRY, ...options };
  for (let attempt = 0; ; attempt++) {
    let failure: unknown;
    try {
      const reply = await send();
      if (reply !== undefined && reply !== null) return reply;
      failure = new Error('no reply from the extension worker');
    } catch (error) {
      failure = error;
    }
    const delay = delaysMs[attempt];
    if (delay === undefined) throw failure;
    await sleep(delay);
  }
}
