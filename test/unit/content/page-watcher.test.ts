// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage } from '../../../src/content/page-watcher';

// When the reader reads after a change: debounced, never later than maxWait after the first
// change, at most once per minInterval — and right after the next frame, when styles and boxes are
// ready (or a moment later in a tab that draws no frames).

const options = { debounceMs: 200, maxWaitMs: 700, minIntervalMs: 400 };
let frames: Array<() => void> = [];

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  document.body.innerHTML = '<p id="ticker">15:00</p>';
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const drawFrame = () => {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
};
const change = async (text: string) => {
  document.getElementById('ticker')!.textContent = text;
  await Promise.resolve();
};

describe('the page watcher', () => {
  it('reads after the debounce, once the next frame is drawn', async () => {
    const read = vi.fn();
    watchPage(document.body, () => undefined, read, options);
    await change('14:59');
    await vi.advanceTimersByTimeAsync(200);
    expect(read).not.toHaveBeenCalled();
    drawFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads anyway a moment later when no frame comes (a background tab)', async () => {
    const read = vi.fn();
    watchPage(document.body, () => undefined, read, options);
    await change('14:59');
    await vi.advanceTimersByTimeAsync(299);
    expect(read).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('hands over changes made while a read waits for its frame, and reads them in that one read', async () => {
    const read = vi.fn();
    const noted: number[] = [];
    watchPage(document.body, (records) => noted.push(records.length), read, options);
    await change('14:59');
    await vi.advanceTimersByTimeAsync(200);
    await change('14:58');
    drawFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(noted).toHaveLength(2);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a page that never stops changing is read at most once per interval, and at latest maxWait after a change', async () => {
    const read = vi.fn();
    watchPage(document.body, () => undefined, read, options);
    for (let tick = 0; tick < 100; tick++) {
      await change(`tick ${tick}`);
      await vi.advanceTimersByTimeAsync(20);
      drawFrame();
    }
    // 2 s of a change every 20 ms: the debounce never settles, so each read comes maxWait (700 ms)
    // after the first change it has not read, plus the frame: at ~0.72 s and ~1.46 s.
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads nothing once stopped, even a read already waiting for its frame', async () => {
    const read = vi.fn();
    const stop = watchPage(document.body, () => undefined, read, options);
    await change('14:59');
    await vi.advanceTimersByTimeAsync(200);
    stop();
    drawFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(read).not.toHaveBeenCalled();
  });
});
