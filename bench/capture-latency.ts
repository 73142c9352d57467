import type { Page, Worker } from 'playwright-core';
import { sleep } from './bench-stats';
import { showErrorToast } from './generated-pages';

// Decisive text appears → capture committed: the bench adds the error toast to a checkout page and
// polls the capture count in an extension page; both clocks are the same machine's Date.now().
// Each round also times a bare captureVisibleTab from the service worker, interleaved with the
// pipeline samples, as the floor the pipeline stands on.

// Chrome allows 2 captureVisibleTab calls per second; spacing rounds keeps one sample's screenshot
// from queueing behind the previous one.
const ROUND_GAP_MS = 600;
const COMMIT_TIMEOUT_MS = 10_000;

export interface CaptureLatency {
  pipelineMs: number[];
  bareCaptureMs: number[];
  timeouts: number;
}

export async function measureCaptureLatency(
  tab: Page,
  probe: Page,
  worker: Worker,
  pageUrl: (round: number) => string,
  rounds: number,
): Promise<CaptureLatency> {
  const result: CaptureLatency = { pipelineMs: [], bareCaptureMs: [], timeouts: 0 };
  for (let round = 0; round < rounds; round++) {
    await tab.goto(pageUrl(round), { waitUntil: 'load' });
    await tab.waitForFunction(() => performance.getEntriesByName('paywitness:scan').length > 0, null, { timeout: 5000, polling: 10 });
    result.bareCaptureMs.push(await bareCaptureVisibleTab(worker, tab.url()));
    await sleep(ROUND_GAP_MS);
    const before = await captureCount(probe);
    const shownAt = await tab.evaluate(showErrorToast);
    const committedAt = await probe.evaluate(waitForCaptureCount, { above: before, timeoutMs: COMMIT_TIMEOUT_MS });
    if (committedAt === null) result.timeouts++;
    else result.pipelineMs.push(committedAt - shownAt);
    await sleep(ROUND_GAP_MS);
  }
  return result;
}

/** One captureVisibleTab of the window showing `url`, timed inside the service worker. */
export function bareCaptureVisibleTab(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (pageUrl) => {
    const tab = (await chrome.tabs.query({ active: true })).find((candidate) => candidate.url === pageUrl);
    if (!tab) throw new Error(`no active tab shows ${pageUrl}`);
    const start = performance.now();
    await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    return performance.now() - start;
  }, url);
}

/** A PNG screenshot of the active tab showing `url`, as base64, for seeding realistic captures. */
export function screenshotBase64(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (pageUrl) => {
    const tab = (await chrome.tabs.query({ active: true })).find((candidate) => candidate.url === pageUrl);
    if (!tab) throw new Error(`no active tab shows ${pageUrl}`);
    return (await chrome.tabs.captureVisibleTab(tab.windowId, { format: 'png' })).split(',')[1] ?? '';
  }, url);
}

export function captureCount(probe: Page): Promise<number> {
  return probe.evaluate(waitForCaptureCount, { above: -1, timeoutMs: 0 }).then((count) => count ?? 0);
}

/**
 * In an extension page: polls the number of stored captures every 5 ms until it exceeds `above`;
 * returns Date.now() at that moment (or, with above = -1, the count itself); null on timeout.
 */
function waitForCaptureCount({ above, timeoutMs }: { above: number; timeoutMs: number }): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const deadline = Date.now() + timeoutMs;
      const poll = () => {
        if (!db.objectStoreNames.contains('captures')) {
          db.close();
          return resolve(above < 0 ? 0 : null);
        }
        const request = db.transaction('captures').objectStore('captures').count();
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const now = Date.now();
          if (above < 0 || request.result > above) {
            db.close();
            return resolve(above < 0 ? request.result : now);
          }
          if (now > deadline) {
            db.close();
            return resolve(null);
          }
          setTimeout(poll, 5);
        };
      };
      poll();
    };
  });
}
