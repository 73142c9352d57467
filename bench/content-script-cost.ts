import type { Page } from 'playwright-core';
import { median, sleep, sum } from './bench-stats';
import { makeMutations } from './generated-pages';

// Content-script main-thread time while a page mutates: the bench build wraps the mutation
// observer callback and every scan in performance.measure; their sum over a stream of 1,000
// mutations (10 per task, as a live countdown or feed makes them) is the cost per 1,000.

const MUTATIONS = 1000;
// The watcher reads at most once per 400 ms and at latest 700 ms after a change: wait out the last.
const TRAILING_MS = 1000;

export interface MutationCost {
  runs: number;
  perThousandMs: number[];
  /** Of that, the time spent re-reading the page (the rest is the observer callbacks). */
  scanMs: number[];
  scans: number[];
}

export async function measureMutationCost(tab: Page, pageUrl: (run: number) => string, runs: number): Promise<MutationCost> {
  const result: MutationCost = { runs, perThousandMs: [], scanMs: [], scans: [] };
  for (let run = 0; run < runs; run++) {
    await tab.goto(pageUrl(run), { waitUntil: 'load' });
    await tab.waitForFunction(() => performance.getEntriesByName('paywitness:scan').length > 0, null, { timeout: 5000, polling: 10 });
    await sleep(100);
    const since = await tab.evaluate(() => performance.now());
    await tab.evaluate(makeMutations, MUTATIONS);
    await sleep(TRAILING_MS);
    const measures = await tab.evaluate(
      (after) =>
        performance
          .getEntriesByType('measure')
          .filter((entry) => entry.name.startsWith('paywitness:') && entry.startTime >= after)
          .map((entry) => ({ name: entry.name, duration: entry.duration })),
      since,
    );
    result.perThousandMs.push(sum(measures.map((entry) => entry.duration)) * (1000 / MUTATIONS));
    const scans = measures.filter((entry) => entry.name === 'paywitness:scan');
    result.scanMs.push(sum(scans.map((entry) => entry.duration)) * (1000 / MUTATIONS));
    result.scans.push(scans.length);
  }
  return result;
}

export function summariseMutationCost(cost: MutationCost) {
  return {
    runs: cost.runs,
    medianPerThousandMs: median(cost.perThousandMs),
    medianScanMs: median(cost.scanMs),
    medianScans: median(cost.scans),
    samplesMs: cost.perThousandMs,
  };
}
