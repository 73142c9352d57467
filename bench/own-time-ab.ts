import type { BrowserContext } from 'playwright-core';
import { pairedComparison, type PairedComparison } from './bench-stats';
import { openExtensionBrowser, serveBenchPages, type GroupedPage } from './one-browser';
import type { BenchPage } from './ordinary-pages';
import { loadAndSettle, tracedLoads } from './own-script-time';
import { ownScriptTime } from './trace-attribution';

// Two builds of PayWitness compared page by page (`npm run bench -- --ab DIR_A DIR_B`): a change of
// a millisecond or two is inside what loads of one page spread on a loaded machine, and two browser
// instances differ by more than that with no extension work at all, so neither a run per build nor
// a browser per build can show it. Here every round launches a fresh browser for each build (the
// order alternating), loads each page in each — first in a new tab (the first page of a site, a
// fresh renderer), then again in it (the next page) — and takes PayWitness's own script time from
// the trace, as --own-time does, both as wall time and as the thread's CPU time in it (the fairer
// of the two for builds: see trace-attribution.ts). Each page's rounds give pairs: the verdict is
// the paired differences and a sign test over them, not the difference of two medians.

export interface BuildComparison {
  name: string;
  group: string;
  cold: PairedComparison;
  warm: PairedComparison;
  coldCpu: PairedComparison;
  warmCpu: PairedComparison;
}

type Loads = Record<'cold' | 'warm', Array<{ ms: number; cpuMs: number }>>;

export async function compareBuilds(dirA: string, dirB: string, groups: Record<string, readonly BenchPage[]>, rounds: number): Promise<BuildComparison[]> {
  const samples: [Map<string, Loads>, Map<string, Loads>] = [new Map(), new Map()];
  let pages: GroupedPage[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const build of order) {
      const browser = await openExtensionBrowser({ paywitness: build ? dirB : dirA });
      try {
        pages = await serveBenchPages(browser.context, groups);
        await warmUp(browser.context, pages[0]!);
        for (const page of pages) {
          const loads = samples[build]!.get(page.name) ?? { cold: [], warm: [] };
          samples[build]!.set(page.name, loads);
          await tracedLoads(browser.context, page, (when, events) => loads[when].push(ownScriptTime(events, `chrome-extension://${browser.ids.paywitness}/`)));
        }
      } finally {
        await browser.close();
      }
    }
  }
  return pages.map((page) => {
    const [a, b] = [samples[0].get(page.name)!, samples[1].get(page.name)!];
    const paired = (when: 'cold' | 'warm', measure: 'ms' | 'cpuMs') => pairedComparison(a[when].map((load) => load[measure]), b[when].map((load) => load[measure]));
    return { name: page.name, group: page.group, cold: paired('cold', 'ms'), warm: paired('warm', 'ms'), coldCpu: paired('cold', 'cpuMs'), warmCpu: paired('warm', 'cpuMs') };
  });
}

/**
 * A fresh browser's first page load pays for the browser's own start (the 150-row page's first page
 * of a site took 120–170 ms there against ~65 ms later in a run): one load of the first page, not
 * counted, in a tab closed before the measured loads (so theirs start in renderers of their own).
 */
async function warmUp(context: BrowserContext, page: GroupedPage): Promise<void> {
  const tab = await context.newPage();
  try {
    await loadAndSettle(tab, page);
  } finally {
    await tab.close();
  }
}

/** Two lines per page: the wall time in PayWitness's scripts, then the CPU time in it. */
export function comparisonLines(result: BuildComparison): string[] {
  const side = (label: string, c: PairedComparison) =>
    `${label} A ${c.medianA.toFixed(2)} B ${c.medianB.toFixed(2)} ms, B − A median ${signed(c.medianDiff)} (quartiles ${signed(c.q1Diff)} / ${signed(c.q3Diff)}), B less in ${c.bLess} of ${c.n}, sign test p ${c.signP.toFixed(3)}`;
  const head = `${result.group.padEnd(9)} ${result.name.slice(0, 40).padEnd(40)}`;
  return [
    `${head} wall ${side('first page:', result.cold)} | ${side('next page:', result.warm)}`,
    `${head} CPU  ${side('first page:', result.coldCpu)} | ${side('next page:', result.warmCpu)}`,
  ];
}

const signed = (ms: number) => `${ms >= 0 ? '+' : '−'}${Math.abs(ms).toFixed(2)}`;
