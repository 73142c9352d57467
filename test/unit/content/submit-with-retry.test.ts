import { describe, expect, it } from 'vitest';
import { submitWithRetry } from '../../../src/content/submit-with-retry';

const noSleep = { sleep: async () => undefined };

describe('submitting again when the worker never answered', () => {
  it('resends the very same request after a dropped reply and returns the first answer', async () => {
    const sent: string[] = [];
    const replies: Array<() => Promise<{ ok: boolean } | undefined>> = [
      () => Promise.reject(new Error('The message port closed before a response was received.')),
      () => Promise.resolve(undefined),
      () => Promise.resolve({ ok: true }),
    ];
    const reply = await submitWithRetry(() => {
      sent.push('key-1');
      return replies[sent.length - 1]!();
    }, { delaysMs: [1, 1, 1], ...noSleep });
    expect(reply).toEqual({ ok: true });
    expect(sent).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('treats any answer, even a refusal, as final', async () => {
    let calls = 0;
    const reply = await submitWithRetry(async () => (calls++, { ok: false }), { delaysMs: [1, 1], ...noSleep });
    expect(reply).toEqual({ ok: false });
    expect(calls).toBe(1);
  });

  it('gives up after its backoff schedule, waiting longer each time', async () => {
    const waits: number[] = [];
    await expect(
      submitWithRetry(() => Promise.reject(new Error('Could not establish connection')), {
        delaysMs: [300, 1_000, 2_500],
        sleep: async (ms) => void waits.push(ms),
      }),
    ).rejects.toThrow('Could not establish connection');
    expect(waits).toEqual([300, 1_000, 2_500]);
  });

  it('by default asks quickly at first, then every five seconds for about two minutes', async () => {
    // A virtual clock: each ask is noted at the time the waits before it add up to.
    let now = 0;
    const asks: number[] = [];
    await expect(
      submitWithRetry(
        async () => {
          asks.push(now);
          return undefined;
        },
        { sleep: async (ms) => void (now += ms) },
      ),
    ).rejects.toThrow('no reply from the extension worker');
    const gaps = asks.slice(1).map((at, i) => at - asks[i]!);
    expect(gaps.slice(0, 3).every((gap) => gap < 1_000)).toBe(true);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5_000);
    // A page left open 20 s under a worker stopped again and again still asks at least nine times.
    expect(asks.filter((at) => at <= 20_000).length).toBeGreaterThanOrEqual(9);
    expect(asks.at(-1)).toBeGreaterThanOrEqual(100_000);
    expect(asks.at(-1)).toBeLessThanOrEqual(150_000);
  });
});

describe('an extension gone from under the page', () => {
  it('stops asking once no worker can ever answer, and says why it failed', async () => {
    let calls = 0;
    let extensionThere = true;
    const asking = submitWithRetry(
      () => {
        calls++;
        if (calls === 2) extensionThere = false;
        return Promise.reject(new Error(extensionThere ? 'message channel closed' : 'Extension context invalidated.'));
      },
      { delaysMs: [1, 1, 1, 1, 1], ...noSleep, gone: () => !extensionThere },
    );
    await expect(asking).rejects.toThrow('Extension context invalidated.');
    expect(calls).toBe(2);
  });

  it('is told by the extension id (chrome.runtime.id) when no check is given', async () => {
    const chromeBefore = (globalThis as { chrome?: unknown }).chrome;
    (globalThis as { chrome?: unknown }).chrome = { runtime: {} };
    try {
      let calls = 0;
      await expect(submitWithRetry(() => (calls++, Promise.resolve(undefined)), { delaysMs: [1, 1, 1], ...noSleep })).rejects.toThrow();
      expect(calls).toBe(1);
      (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'paywitness' } };
      calls = 0;
      await expect(submitWithRetry(() => (calls++, Promise.resolve(undefined)), { delaysMs: [1, 1, 1], ...noSleep })).rejects.toThrow();
      expect(calls).toBe(4);
    } finally {
      (globalThis as { chrome?: unknown }).chrome = chromeBefore;
    }
  });
});
