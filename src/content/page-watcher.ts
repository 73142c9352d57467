// Hands every batch of mutations to the reader at once (it only notes where the page changed) and
// asks for a read after the page changes, debounced, but never later than `maxWaitMs` after the
// first change: an error toast that appears after an XHR must be seen within a second, while a page
// that mutates without end costs at most one read per `minIntervalMs`.

import { timed } from './bench-timing';

export interface WatchOptions {
  debounceMs: number;
  maxWaitMs: number;
  minIntervalMs: number;
}

export const DEFAULT_WATCH: WatchOptions = { debounceMs: 200, maxWaitMs: 700, minIntervalMs: 400 };
/** A tab in the background draws no frames: its read waits no longer than this for one. */
const NO_FRAME_MS = 100;

export function watchPage(
  target: Node,
  onMutations: (records: MutationRecord[]) => void,
  onSettled: () => void,
  options: WatchOptions = DEFAULT_WATCH,
): () => void {
  /** One timer for the next read; a batch that only moves the read later leaves it set (a feed sends dozens a second). */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = 0;
  let dueAt = 0;
  let firstChangeAt = 0;
  let lastRunAt = 0;

  const run = () => {
    firstChangeAt = 0;
    lastRunAt = Date.now();
    onSettled();
  };
  // The read asks for styles and boxes: right after a frame the browser has them ready, while
  // asked between a page's change and its next frame it must work them out first, on the page's
  // time (and again for the frame, should the page change once more). So a due read waits for the
  // next frame to be drawn — or a moment, where no frame comes (a tab in the background).
  let waitingForFrame = false;
  let stopped = false;
  const runAfterFrame = () => {
    waitingForFrame = true;
    const once = () => {
      if (!waitingForFrame) return;
      waitingForFrame = false;
      clearTimeout(fallback);
      if (!stopped) run();
    };
    const fallback = setTimeout(once, NO_FRAME_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  };
  const fire = () => {
    timer = undefined;
    const wait = dueAt - Date.now();
    // Changes since the timer was set moved the read later: wait the rest.
    if (wait > 0) return arm(wait);
    runAfterFrame();
  };
  const arm = (wait: number) => {
    timerAt = Date.now() + wait;
    timer = setTimeout(fire, wait);
  };

  const changed = (records: MutationRecord[]) => {
    onMutations(records);
    // A read already waits for the next frame: it will read these changes too.
    if (waitingForFrame) return;
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    const dueByDebounce = now + options.debounceMs;
    const dueByMaxWait = firstChangeAt + options.maxWaitMs;
    const earliest = lastRunAt + options.minIntervalMs;
    dueAt = Math.max(Math.min(dueByDebounce, dueByMaxWait), earliest);
    if (timer !== undefined && timerAt <= dueAt) return;
    if (timer !== undefined) clearTimeout(timer);
    arm(Math.max(0, dueAt - now));
  };
  const observer = new MutationObserver(timed('paywitness:observe', changed));
  observer.observe(target, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'open'],
  });
  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
