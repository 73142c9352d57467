import { describe, expect, it } from 'vitest';
import { createCaptureQueue } from '../../../src/background/capture-queue';

// A fake clock: sleeping advances time instantly, so the spacing can be read off exactly.
function fakeClock() {
  let now = 1_000;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('capture queue', () => {
  it('spaces screenshot calls at least minIntervalMs apart, in order', async () => {
    const clock = fakeClock();
    const queue = createCaptureQueue({ minIntervalMs: 550, ...clock });
    const starts: Array<[number, number]> = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue(async () => {
          starts.push([i, clock.now()]);
          return i;
        }),
      ),
    );
    expect(starts.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (let i = 1; i < starts.length; i++) expect(starts[i]![1] - starts[i - 1]![1]).toBeGreaterThanOrEqual(550);
    // 10 calls in any 1 s window: never more than 2.
    for (const [, start] of starts) expect(starts.filter(([, t]) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(2);
  });

  it('retries a call the browser refuses for rate, and gives up on other errors', async () => {
    const clock = fakeClock();
    const queue = createCaptureQueue({ minIntervalMs: 550, retryDelayMs: 1000, maxRetries: 3, ...clock });
    let calls = 0;
    const value = await queue(async () => {
      if (++calls < 3) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'png';
    });
    expect(value).toBe('png');
    expect(calls).toBe(3);
    await expect(queue(async () => Promise.reject(new Error('Cannot access contents of the page')))).rejects.toThrow(
      /Cannot access/,
    );
  });

  it('keeps going after a failed task', async () => {
    const queue = createCaptureQueue({ minIntervalMs: 0, ...fakeClock() });
    const failed = queue(async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(queue(async () => 'next')).resolves.toBe('next');
  });
});
