import { DB_NAME } from '../src/store/evidence-schema';
import { frontTab, launchBenchExtension, openBenchPage } from './bench-browsers';
import { sleep } from './bench-stats';
import { captureCount } from './capture-latency';
import { connectToServiceWorker, workerHeapAfterGc } from './worker-cdp';
import type { Page } from 'playwright-core';

// Service-worker memory after many captures, through the real pipeline. The worker's capture queue
// spaces every capture 550 ms apart (Chrome's 2 screenshots a second), so 500 captures take at
// least 4.6 minutes whatever the bench does. This fill therefore runs in a browser of its own,
// alongside the other measurements, paced to that rate so it adds little load: a background tab
// reloads an error page of the demo shop and each fresh document submits one capture. The tab is
// not visible, so its captures are text-only (tab_not_visible).

const PACE_MS = 560;
const TIMEOUT_MS = 8 * 60_000;

export interface WorkerMemory {
  target: number;
  capturesBefore: number;
  capturesAfter: number;
  withScreenshot: number;
  heapBefore: number;
  heapAfter: number;
  heapTotalAfter: number;
  fillMs: number;
  storageUsageDelta: number;
  fileBytes: number;
  recordBytes: number;
}

export async function fillAndMeasureWorker(extensionDir: string, errorPageUrl: string, target: number): Promise<WorkerMemory> {
  const browser = await launchBenchExtension(extensionDir);
  try {
    const bench = await openBenchPage(browser);
    await bench.call('openStore', DB_NAME);
    const front = await frontTab(browser.context);
    const background = await browser.context.newPage();
    await front.bringToFront();
    const worker = await connectToServiceWorker(browser.userDataDir, browser.extensionId);
    const capturesBefore = await captureCount(bench.page);
    const usageBefore = await bench.call('storageUsage');
    const heapBefore = (await workerHeapAfterGc(worker)).usedSize;
    const start = Date.now();
    let capturesAfter = capturesBefore;
    while (capturesAfter < target && Date.now() - start < TIMEOUT_MS) {
      for (let visits = capturesAfter; visits < target; visits++) {
        const visitStart = Date.now();
        await background.goto(errorPageUrl, { waitUntil: 'load' });
        await background.waitForFunction(() => performance.getEntriesByName('paywitness:scan').length > 0, null, { timeout: 5000, polling: 10 });
        await sleep(PACE_MS - (Date.now() - visitStart));
      }
      capturesAfter = await settledCount(bench.page);
    }
    const fillMs = Date.now() - start;
    await background.close();
    const heap = await workerHeapAfterGc(worker);
    worker.close();
    const captures = await bench.call('recentCaptures', DB_NAME, capturesAfter - capturesBefore);
    return {
      target,
      capturesBefore,
      capturesAfter,
      withScreenshot: captures.filter((capture) => capture.screenshot).length,
      heapBefore,
      heapAfter: heap.usedSize,
      heapTotalAfter: heap.totalSize,
      fillMs,
      storageUsageDelta: (await bench.call('storageUsage')) - usageBefore,
      fileBytes: captures.reduce((total, capture) => total + capture.fileBytes, 0),
      recordBytes: captures.reduce((total, capture) => total + capture.recordBytes, 0),
    };
  } finally {
    await browser.close();
  }
}

/** The capture count once commits in flight have landed (two equal readings 1 s apart). */
async function settledCount(probe: Page): Promise<number> {
  let previous = await captureCount(probe);
  for (;;) {
    await sleep(1000);
    const current = await captureCount(probe);
    if (current === previous) return current;
    previous = current;
  }
}
