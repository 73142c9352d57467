// A request that got no answer at all (the worker was stopped or killed before replying) is sent
// again with the SAME idempotency key: if the first attempt was committed, the worker answers with
// that capture; if it was half-done, the restarted worker has finished it; otherwise it is made now.
// An answer of any kind, even a refusal, is final. Until then the page keeps asking for about two
// minutes: a worker stopped again and again on a busy machine must not cost the shopper the
// capture. The first tries come quickly (a page read goes through two asks in turn: the gate's,
// then the reader's), so a worker up for a few hundred milliseconds between stops is found within
// the first seconds; after them, one ask every five seconds. Doubling on to 25 s gaps left a page
// two tries in its second and third ten seconds, and a worker stopped every few hundred
// milliseconds (test/e2e/store-robustness.e2e.test.ts) let eight tries in 14 s all die unanswered:
// the page was left before the ninth. An ask only wakes the worker; one every five seconds, from a
// page whose capture went unanswered, is little.

export interface RetryOptions {
  delaysMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
  /** No worker will ever answer: asking again is pointless. */
  gone: () => boolean;
}

/**
 * The extension was updated, reloaded or removed since this script came in: its `chrome.runtime.id`
 * is gone, and every ask fails ("Extension context invalidated"). Two minutes of asks would be for nothing.
 */
const extensionGone = (): boolean => typeof chrome === 'object' && !chrome.runtime?.id;

/** Made when a page first asks, not when the gate's script starts: most pages never ask. */
function defaultDelays(): number[] {
  const delays = [100, 200, 400, 800, 1_600, 3_200];
  while (delays.length < 28) delays.push(5_000);
  return delays;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function submitWithRetry<R>(send: () => Promise<R | undefined>, options: Partial<RetryOptions> = {}): Promise<R> {
  const delaysMs = options.delaysMs ?? defaultDelays();
  const sleep = options.sleep ?? wait;
  const gone = options.gone ?? extensionGone;
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
    if (delay === undefined || gone()) throw failure;
    await sleep(delay);
  }
}
