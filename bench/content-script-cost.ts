import type { Page } from 'playwright-core';
import { median, sleep, sum } from './bench-stats';
import { makeMutations } from './generated-pages';

// Content-script main-thread time while a page mutates: the bench build wraps the mutation
// observer callback and every scan in performance.measure; their sum over a stream of 1,000
// mutations (10 per task, as a live countdown or feed makes them) is the cost per 1,000.

const MUTATIONS = 1000;
/** PayWitness's bench build names its spans so; the read floor (read-floor-extension) names its `floor:`. */
const PAYWITNESS = 'paywitness:';
// The watcher reads at most once per 400 ms and at latest 700 ms after a change: wait out the last.
const TRAILING_MS = 1000;

export interface MutationCost {
  runs: number;
  perThousandMs: number[];
  /** Of that, the time spent re-reading the page (the rest is the observer callbacks). */
  scanMs: number[];
  scans: number[];
}

/** Loads the page, waits for the content script's first read and then `settleMs`; the page's clock then. */
async function loadAndRead(tab: Page, url: string, settleMs: number, prefix = PAYWITNESS): Promise<number> {
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction((scan) => performance.getEntriesByName(scan).length > 0, `${prefix}scan`, { timeout: 5000, polling: 10 });
  await sleep(settleMs);
  return tab.evaluate(() => performance.now());
}

/** The content script's timed spans (bench builds: src/content/bench-timing.ts) since `since`. */
function spansSince(tab: Page, since: number, prefix = PAYWITNESS): Promise<Array<{ name: string; duration: number }>> {
  return tab.evaluate(
    ({ after, prefix }) =>
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith(prefix) && entry.startTime >= after)
        .map((entry) => ({ name: entry.name, duration: entry.duration })),
    { after: since, prefix },
  );
}

/** `prefix`: whose spans are summed — PayWitness's (its bench build), or the read floor's (`floor:`), each alone in its browser. */
export async function measureMutationCost(tab: Page, pageUrl: (run: number) => string, runs: number, prefix = PAYWITNESS): Promise<MutationCost> {
  const result: MutationCost = { runs, perThousandMs: [], scanMs: [], scans: [] };
  for (let run = 0; run < runs; run++) {
    const since = await loadAndRead(tab, pageUrl(run), 100, prefix);
    await tab.evaluate(makeMutations, MUTATIONS);
    await sleep(TRAILING_MS);
    const measures = await spansSince(tab, since, prefix);
    result.perThousandMs.push(sum(measures.map((entry) => entry.duration)) * (1000 / MUTATIONS));
    const scans = measures.filter((entry) => entry.name === `${prefix}scan`);
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

// A countdown on a pay page ("剩余支付时间 14:59") changes one text a second, each change its own
// read: the other way a page mutates, and the commonest on the pages PayWitness reads. Each tick
// waits past the watcher's shortest interval between reads, so every tick is read and sent.
const TICKS = 10;
const TICK_EVERY_MS = 600;

export interface TickCost {
  runs: number;
  /** Per run: content-script time (observer callbacks and reads) per tick. */
  perTickMs: number[];
  reads: number[];
}

export async function measureTickCost(tab: Page, pageUrl: (run: number) => string, runs: number): Promise<TickCost> {
  const result: TickCost = { runs, perTickMs: [], reads: [] };
  for (let run = 0; run < runs; run++) {
    const since = await loadAndRead(tab, pageUrl(run), TRAILING_MS);
    for (let tick = 0; tick < TICKS; tick++) {
      await tab.evaluate((left) => {
        document.getElementById('ticker')!.textContent = `剩余支付时间 14:${String(left).padStart(2, '0')}`;
      }, 59 - tick);
      await sleep(TICK_EVERY_MS);
    }
    await sleep(TRAILING_MS);
    const measures = await spansSince(tab, since);
    result.perTickMs.push(sum(measures.map((entry) => entry.duration)) / TICKS);
    result.reads.push(measures.filter((entry) => entry.name === 'paywitness:scan').length);
  }
  return result;
}

export function summariseTickCost(cost: TickCost) {
  return { runs: cost.runs, ticks: TICKS, medianPerTickMs: median(cost.perTickMs), medianReads: median(cost.reads), samplesMs: cost.perTickMs };
}
