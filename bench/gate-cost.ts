import type { Page } from 'playwright-core';
import { median, sleep } from './bench-stats';
import type { BenchPage } from './ordinary-pages';

// The gate's own time on pages that are not shops: the bench build wraps all it does (its start,
// the first look with the listeners it sets, each later look: src/content/gate.ts) in performance
// measures, added up per load once both looks it may take have had their time. Task-time
// differences between browsers or loads are ±10–90 ms on these pages (README, Benchmarks) and
// cannot show a millisecond; this measures the gate's work itself. What it leaves out is, but for
// compiling 3 kB instead of an empty file, the same for the empty content script: injecting a file
// at document_idle.

/** After the load event: the first look (idle, at most 2 s) and the timed second one (3 s after it). */
const SETTLE_MS = 5_500;

export interface GateCost {
  name: string;
  loads: number;
  /** Median over loads of the gate's summed time per load (start and looks), ms. */
  perLoadMs: number;
  /** Median number of looks per load. */
  looks: number;
  /** Loads on which the gate let the page through (the reader then runs: not this bench's subject). */
  opened: number;
}

export async function measureGateCost(tab: Page, pages: readonly BenchPage[], loads: number): Promise<GateCost[]> {
  const byUrl = new Map(pages.map((page) => [page.url.split('#')[0]!, page.html]));
  await tab.context().route('**/*', (route) => {
    const url = route.request().url();
    const html = byUrl.get(url.split('#')[0]!);
    return html === undefined ? route.continue() : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  const results: GateCost[] = [];
  for (const page of pages) {
    const samples: Array<{ ms: number; looks: number; opened: boolean }> = [];
    for (let load = 0; load < loads; load++) {
      await tab.goto(page.url, { waitUntil: 'load' });
      await sleep(SETTLE_MS);
      samples.push(
        await tab.evaluate(() => {
          const looks = performance.getEntriesByName('paywitness:gate');
          const work = [...performance.getEntriesByName('paywitness:gate-start'), ...looks];
          return {
            ms: work.reduce((sum, entry) => sum + entry.duration, 0),
            looks: looks.length,
            opened: performance.getEntriesByName('paywitness:scan').length > 0,
          };
        }),
      );
    }
    results.push({
      name: page.name,
      loads,
      perLoadMs: median(samples.map((sample) => sample.ms)),
      looks: median(samples.map((sample) => sample.looks)),
      opened: samples.filter((sample) => sample.opened).length,
    });
  }
  return results;
}
