import type { CDPSession, Page } from 'playwright-core';
import { median, sleep, sum } from './bench-stats';

// Loads each page alternately in the browser with the extension and in the one without, flipping
// which goes first every round, so drift in machine load falls on both sides alike.

export interface LoadSample {
  /** Navigation start → end of the load event (Navigation Timing), ms. */
  loadMs: number;
  /** Renderer script time for the whole visit (CDP Performance ScriptDuration delta), ms. */
  scriptMs: number;
  /** Renderer main-thread task time for the whole visit (CDP Performance TaskDuration delta), ms. */
  taskMs: number;
  /** Content-script main-thread time (sum of the bench build's performance.measure entries), ms. */
  contentScriptMs: number;
  contentScriptScans: number;
  /** Start of the content script's first read minus the end of the load event, ms (< 0: inside the load). */
  firstScanVsLoadEndMs: number;
}

export interface PageLoadResult {
  url: string;
  extension: LoadSample[];
  baseline: LoadSample[];
}

// After `load`, the extension side waits for the content script's first read of the page (it runs
// at document_idle, usually just after load); both sides then wait SETTLE_MS before reading metrics.
const SETTLE_MS = 30;
const FIRST_SCAN_TIMEOUT_MS = 1500;

export async function measurePageLoads(extensionTab: Page, baselineTab: Page, urls: readonly string[], rounds: number): Promise<PageLoadResult[]> {
  const sessions = await Promise.all([extensionTab, baselineTab].map((tab) => openMetrics(tab)));
  const results = urls.map((url) => ({ url, extension: [] as LoadSample[], baseline: [] as LoadSample[] }));
  for (let round = 0; round < rounds + 1; round++) {
    for (const result of results) {
      const order = round % 2 ? (['baseline', 'extension'] as const) : (['extension', 'baseline'] as const);
      for (const side of order) {
        const tab = side === 'extension' ? extensionTab : baselineTab;
        const sample = await loadOnce(tab, sessions[side === 'extension' ? 0 : 1]!, result.url, side === 'extension');
        // Round 0 warms caches and the extension's first-run paths; it is not counted.
        if (round > 0) result[side].push(sample);
      }
    }
  }
  await Promise.all(sessions.map((session) => session.detach()));
  return results;
}

async function openMetrics(tab: Page): Promise<CDPSession> {
  const session = await tab.context().newCDPSession(tab);
  await session.send('Performance.enable');
  return session;
}

async function durations(session: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = await session.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { script: seconds('ScriptDuration'), task: seconds('TaskDuration') };
}

async function loadOnce(tab: Page, session: CDPSession, url: string, awaitScan: boolean): Promise<LoadSample> {
  await tab.goto('about:blank');
  const before = await durations(session);
  await tab.goto(url, { waitUntil: 'load' });
  if (awaitScan) {
    await tab
      .waitForFunction(() => performance.getEntriesByName('paywitness:scan').length > 0, null, { timeout: FIRST_SCAN_TIMEOUT_MS, polling: 10 })
      .catch(() => undefined);
  }
  await sleep(SETTLE_MS);
  const after = await durations(session);
  const page = await tab.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const measures = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('paywitness:'));
    const firstScan = performance.getEntriesByName('paywitness:scan')[0];
    return {
      loadMs: nav ? nav.loadEventEnd - nav.startTime : Number.NaN,
      measures: measures.map((entry) => entry.duration),
      firstScanVsLoadEndMs: firstScan && nav ? firstScan.startTime - nav.loadEventEnd : Number.NaN,
    };
  });
  return {
    loadMs: page.loadMs,
    scriptMs: (after.script - before.script) * 1000,
    taskMs: (after.task - before.task) * 1000,
    contentScriptMs: sum(page.measures),
    contentScriptScans: page.measures.length,
    firstScanVsLoadEndMs: page.firstScanVsLoadEndMs,
  };
}

export function summarisePageLoads(results: readonly PageLoadResult[]) {
  return results.map(({ url, extension, baseline }) => ({
    url,
    loads: extension.length,
    extensionLoadMs: median(extension.map((sample) => sample.loadMs)),
    baselineLoadMs: median(baseline.map((sample) => sample.loadMs)),
    extensionScriptMs: median(extension.map((sample) => sample.scriptMs)),
    baselineScriptMs: median(baseline.map((sample) => sample.scriptMs)),
    extensionTaskMs: median(extension.map((sample) => sample.taskMs)),
    baselineTaskMs: median(baseline.map((sample) => sample.taskMs)),
    contentScriptMs: median(extension.map((sample) => sample.contentScriptMs)),
    contentScriptScans: median(extension.map((sample) => sample.contentScriptScans)),
    firstScanVsLoadEndMs: median(extension.map((sample) => sample.firstScanVsLoadEndMs)),
  }));
}
