import type { Page } from 'playwright-core';
import { median, sleep } from './bench-stats';
import { FLOOR_DIR, openExtensionBrowser, serveBenchPages, TOGGLE_DIR } from './one-browser';
import type { BenchPage } from './ordinary-pages';

// What PayWitness costs a page, measured in ONE browser: two separate browsers differ by up to
// 15 % with no extension work at all, which hides any real cost. PayWitness (the production
// build), an extension whose content script is empty (the floor: what any extension that must see
// every page pays for injection alone) and a toggle extension are loaded together; before each
// load the toggle leaves on exactly one of them, or none, taking turns in a rotating order. Each
// load's cost is the renderer's main-thread task time (CDP TaskDuration, the content scripts' work
// included) read a while after the load event (SETTLE_MS), every page on a host of its own (pages of
// one site share a renderer that has run PayWitness before: own-script-time.ts measures the first
// page of a site apart). Reported per page: the median over rounds of (with − none) for
// PayWitness and for the floor, and PayWitness minus the floor.

/**
 * How long after the load event the task time is read: on ordinary pages long enough for the
 * gate's first look (idle) and its second one (3 s after it: src/content/gate.ts); on shop pages
 * for the gate, the reader's injection and its first read.
 */
const SETTLE_MS: Record<string, number> = { ordinary: 3_500 };
const SHOP_SETTLE_MS = 2_000;

export function settleMs(group: string): number {
  return SETTLE_MS[group] ?? SHOP_SETTLE_MS;
}
const TOGGLE_PAUSE_MS = 300;

type Condition = 'none' | 'floor' | 'paywitness';
const CONDITIONS: readonly Condition[] = ['none', 'floor', 'paywitness'];

export interface PageCost {
  name: string;
  group: string;
  rounds: number;
  /** Median over rounds of the paired task-time difference with the extension on vs all off, ms. */
  paywitnessTaskMs: number;
  floorTaskMs: number;
  /** PayWitness's own cost above the floor, ms (median of the paired per-round differences). */
  aboveFloorMs: number;
  /** Median load time (navigation start → load event end) per condition, ms. */
  loadMs: Record<Condition, number>;
}

export async function measureSameBrowserCost(
  productionDir: string,
  groups: Record<string, readonly BenchPage[]>,
  rounds: number,
): Promise<PageCost[]> {
  const { context, ids, close } = await openExtensionBrowser({ paywitness: productionDir, floor: FLOOR_DIR, toggle: TOGGLE_DIR });
  try {
    const toggle = await context.newPage();
    await toggle.goto(`chrome-extension://${ids.toggle}/toggle.html`);
    const pages = await serveBenchPages(context, groups);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const taskMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
    const enable = async (condition: Condition) => {
      const on = condition === 'none' ? [] : [condition === 'floor' ? ids.floor : ids.paywitness];
      await toggle.evaluate((wanted) => (globalThis as unknown as { enableOnly: (ids: string[]) => Promise<unknown> }).enableOnly(wanted), on);
      await sleep(TOGGLE_PAUSE_MS);
    };

    const samples = new Map(pages.map((page) => [page.url, [] as Array<Record<Condition, { task: number; load: number }>>]));
    for (let round = 0; round < rounds; round++) {
      for (const [index, page] of pages.entries()) {
        const order = rotate(CONDITIONS, round + index);
        const sample = {} as Record<Condition, { task: number; load: number }>;
        for (const condition of order) {
          await enable(condition);
          sample[condition] = await loadOnce(tab, page.url, settleMs(page.group), taskMs);
        }
        samples.get(page.url)!.push(sample);
      }
    }
    await enable('paywitness');
    return pages.map((page) => {
      const list = samples.get(page.url)!;
      const delta = (condition: Condition) => list.map((sample) => sample[condition].task - sample.none.task);
      return {
        name: page.name,
        group: page.group,
        rounds: list.length,
        paywitnessTaskMs: median(delta('paywitness')),
        floorTaskMs: median(delta('floor')),
        aboveFloorMs: median(list.map((sample) => sample.paywitness.task - sample.floor.task)),
        loadMs: {
          none: median(list.map((sample) => sample.none.load)),
          floor: median(list.map((sample) => sample.floor.load)),
          paywitness: median(list.map((sample) => sample.paywitness.load)),
        },
      };
    });
  } finally {
    await close();
  }
}

async function loadOnce(tab: Page, url: string, settleMs: number, taskMs: () => Promise<number>): Promise<{ task: number; load: number }> {
  await tab.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await sleep(settleMs);
  const task = await taskMs();
  const load = await tab.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
  });
  return { task, load };
}

function rotate<T>(list: readonly T[], by: number): T[] {
  const shift = by % list.length;
  return [...list.slice(shift), ...list.slice(0, shift)];
}
