import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { median, sleep } from './bench-stats';
import { FLOOR_DIR, LOOK_FLOOR_DIR, READ_FLOOR_DIR, SAMPLE_FLOOR_DIR, openExtensionBrowser, serveBenchPages, type GroupedPage } from './one-browser';
import type { BenchPage } from './ordinary-pages';
import { settleMs } from './same-browser-cost';
import { ownScriptTime, type TraceEvent } from './trace-attribution';

// What PayWitness's own scripts take of a page's main thread per load, to a tenth of a millisecond:
// the on/off comparison (same-browser-cost.ts) includes the page's own work, which moves by more
// than a millisecond between loads, so it cannot show one. Here PayWitness (the production build)
// and the empty-content-script extension run together in one browser, every load is traced, and
// each extension is given the time inside its own scripts (trace-attribution.ts). Each page is
// loaded twice per round: in a tab of its own whose renderer has not run PayWitness before (cold:
// the first page of a site a shopper opens — V8 compiles every script and regular expression
// afresh, with nothing warm), then once more in the same tab (warm: the next page of the same
// site, whose renderer has compiled them before). A third extension runs beside them, whose script
// only waits for idle and reads the URL and title (the look floor): the first touch of a page's
// document from an extension's world costs more than an empty script, and any script that looks at
// a page pays it; it is reported, not subtracted. Two more say what the least script doing
// PayWitness's job would pay on the same machine, so a figure can be read against what is possible
// at all: the sample floor (at idle, the URL, the title and a text sample of 4,000 characters, one
// pattern asked — what PayWitness's gate does on the ordinary pages it keeps out) and the read floor
// (a computed style per element, the text of each block, one message — the least a reader of what a
// shopper sees does; on every page but the ordinary ones the gate keeps out). Not counted:
// what the browser does for any extension that injects into a page (making its isolated world,
// routing its messages), which the on/off comparison holds and the floor pays too. Garbage
// collection that ran inside PayWitness's scripts is counted in its time and also given apart: the
// young generation fills with the page's garbage as well as ours, so a collection that falls in our
// script is partly the page's (the empty scripts allocate almost nothing, and none falls in theirs).

const CATEGORIES = 'devtools.timeline,v8.execute';

export interface OwnScriptTime {
  name: string;
  group: string;
  rounds: number;
  /** Medians over rounds, ms: the page's first load in a fresh renderer, and its second. */
  cold: Medians;
  warm: Medians;
}

interface Medians {
  paywitnessMs: number;
  floorMs: number;
  /** The script that only waits for idle and reads the URL and title (look-floor-extension). */
  lookFloorMs: number;
  /** At idle, the URL, the title and a text sample, one pattern asked (sample-floor-extension). */
  sampleFloorMs: number;
  /** The least reader of visible text (read-floor-extension); 0 on the ordinary pages it leaves out. */
  readFloorMs: number;
  /** The floors' CPU time, as PayWitness's is given: compared with paywitnessCpuMs, like with like. */
  floorCpuMs: number;
  lookFloorCpuMs: number;
  sampleFloorCpuMs: number;
  readFloorCpuMs: number;
  /** The thread's CPU time inside PayWitness's scripts (median over rounds): its work, without the moments it was off the core. */
  paywitnessCpuMs: number;
  /** Of paywitnessMs: garbage collection inside PayWitness's scripts (median over rounds). */
  paywitnessGcMs: number;
  samplesMs: number[];
}

/** The helper extensions loaded beside PayWitness, by role: each one's time is taken from the same traces. */
const FLOORS = { floor: FLOOR_DIR, lookFloor: LOOK_FLOOR_DIR, sampleFloor: SAMPLE_FLOOR_DIR, readFloor: READ_FLOOR_DIR } as const;
type FloorRole = keyof typeof FLOORS;
const FLOOR_ROLES = Object.keys(FLOORS) as FloorRole[];

interface LoadSamples {
  paywitness: number[];
  paywitnessCpu: number[];
  paywitnessGc: number[];
  /** Per floor: wall and CPU ms per load. */
  floors: Record<FloorRole, { ms: number[]; cpuMs: number[] }>;
}
type Samples = Record<'cold' | 'warm', LoadSamples>;

export async function measureOwnScriptTime(productionDir: string, groups: Record<string, readonly BenchPage[]>, rounds: number): Promise<OwnScriptTime[]> {
  const { context, ids, close } = await openExtensionBrowser({ paywitness: productionDir, ...FLOORS });
  try {
    const pages = await serveBenchPages(context, groups);
    const empty = (): LoadSamples => ({
      paywitness: [],
      paywitnessCpu: [],
      paywitnessGc: [],
      floors: { floor: { ms: [], cpuMs: [] }, lookFloor: { ms: [], cpuMs: [] }, sampleFloor: { ms: [], cpuMs: [] }, readFloor: { ms: [], cpuMs: [] } },
    });
    const samples = new Map<string, Samples>(pages.map((page) => [page.url, { cold: empty(), warm: empty() }]));
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        await tracedLoads(context, page, (when, events) => {
          const sample = samples.get(page.url)![when];
          const own = ownScriptTime(events, `chrome-extension://${ids.paywitness}/`);
          sample.paywitness.push(own.ms);
          sample.paywitnessCpu.push(own.cpuMs);
          sample.paywitnessGc.push(own.gcMs);
          for (const role of FLOOR_ROLES) {
            const floor = ownScriptTime(events, `chrome-extension://${ids[role]}/`);
            sample.floors[role].ms.push(floor.ms);
            sample.floors[role].cpuMs.push(floor.cpuMs);
          }
        });
      }
    }
    const summary = (sample: LoadSamples): Medians => ({
      paywitnessMs: median(sample.paywitness),
      floorMs: median(sample.floors.floor.ms),
      lookFloorMs: median(sample.floors.lookFloor.ms),
      sampleFloorMs: median(sample.floors.sampleFloor.ms),
      readFloorMs: median(sample.floors.readFloor.ms),
      floorCpuMs: median(sample.floors.floor.cpuMs),
      lookFloorCpuMs: median(sample.floors.lookFloor.cpuMs),
      sampleFloorCpuMs: median(sample.floors.sampleFloor.cpuMs),
      readFloorCpuMs: median(sample.floors.readFloor.cpuMs),
      paywitnessCpuMs: median(sample.paywitnessCpu),
      paywitnessGcMs: median(sample.paywitnessGc),
      samplesMs: sample.paywitness,
    });
    return pages.map((page) => {
      const sample = samples.get(page.url)!;
      return { name: page.name, group: page.group, rounds, cold: summary(sample.cold), warm: summary(sample.warm) };
    });
  } finally {
    await close();
  }
}

/**
 * A page loaded twice in a tab of its own, each load traced: first in a new renderer (cold: the last
 * tab was closed first, so its renderer went), then again in the same one (warm).
 */
export async function tracedLoads(context: BrowserContext, page: GroupedPage, onLoad: (when: 'cold' | 'warm', events: TraceEvent[]) => void): Promise<void> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  try {
    for (const when of ['cold', 'warm'] as const) {
      const events = await traced(cdp, () => loadAndSettle(tab, page));
      onLoad(when, events);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
    await tab.close();
  }
}

/** The page loaded in the tab, then left alone as long as its group needs to settle (the gate's looks, the reader's reads). */
export async function loadAndSettle(tab: Page, page: GroupedPage): Promise<void> {
  await tab.goto(page.url, { waitUntil: 'load', timeout: 30_000 });
  await sleep(settleMs(page.group));
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // Playwright types trace events as string maps; Chromium's are numbers and nested objects.
  const collect = (batch: { value: unknown[] }) => void events.push(...(batch.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  try {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    try {
      await run();
    } finally {
      await cdp.send('Tracing.end');
      await complete;
    }
  } finally {
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}
