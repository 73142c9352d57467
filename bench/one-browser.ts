import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser } from '../scripts/find-browser.mjs';
import { sleep } from './bench-stats';
import type { BenchPage } from './ordinary-pages';

// One Chromium holding PayWitness and the bench's helper extensions, with the bench's pages served
// from memory: the browser both same-browser benches (same-browser-cost.ts, own-script-time.ts) run in.

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** An extension whose content script is empty: the floor any extension that must see every page pays. */
export const FLOOR_DIR = join(HERE, 'floor-extension');
/** A content script that only waits for idle and reads the URL and title: the least a script that looks at a page pays. */
export const LOOK_FLOOR_DIR = join(HERE, 'look-floor-extension');
/** The least a gate of PayWitness's kind does: at idle, the URL, the title and a text sample, one pattern asked. */
export const SAMPLE_FLOOR_DIR = join(HERE, 'sample-floor-extension');
/** The least a reader of a page's visible text does (a style per element, text per block, one message; then what is added). */
export const READ_FLOOR_DIR = join(HERE, 'read-floor-extension');
/** Leaves on only the extensions it is told to (same-browser-cost.ts). */
export const TOGGLE_DIR = join(HERE, 'toggle-extension');

export type Role = 'paywitness' | 'floor' | 'lookFloor' | 'sampleFloor' | 'readFloor' | 'toggle';
const ROLE_BY_MANIFEST_NAME: Record<string, Role> = {
  'paywitness-bench-floor': 'floor',
  'paywitness-bench-look-floor': 'lookFloor',
  'paywitness-bench-sample-floor': 'sampleFloor',
  'paywitness-bench-read-floor': 'readFloor',
  'paywitness-bench-toggle': 'toggle',
};

export interface ExtensionBrowser<R extends Role> {
  context: BrowserContext;
  /** Each extension's id, by its role (PayWitness: any extension not a bench helper). */
  ids: Record<R, string>;
  close(): Promise<void>;
}

export async function openExtensionBrowser<R extends Role>(dirs: Record<R, string>): Promise<ExtensionBrowser<R>> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium-family browser found (set CHROME_PATH)');
  const profile = await mkdtemp(join(tmpdir(), 'pw-one-browser-'));
  const list = Object.values<string>(dirs).join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${list}`, `--load-extension=${list}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    return { context, ids: await extensionIds(context, Object.keys(dirs) as R[]), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function extensionIds<R extends Role>(context: BrowserContext, roles: readonly R[]): Promise<Record<R, string>> {
  const found: Partial<Record<Role, string>> = {};
  const complete = () => roles.every((role) => found[role]);
  for (let attempt = 0; attempt < 75 && !complete(); attempt++) {
    for (const worker of context.serviceWorkers()) {
      const name = await worker.evaluate(() => chrome.runtime.getManifest().name).catch(() => '');
      if (name) found[ROLE_BY_MANIFEST_NAME[name] ?? 'paywitness'] = new URL(worker.url()).host;
    }
    if (!complete()) await sleep(200);
  }
  if (!complete()) throw new Error(`not every extension started: ${JSON.stringify(found)}`);
  return found as Record<R, string>;
}

export type GroupedPage = BenchPage & { group: string };

/** Every page of the groups, each with its group's name, served to every http(s) request of `context` (no network). */
export async function serveBenchPages(context: BrowserContext, groups: Record<string, readonly BenchPage[]>): Promise<GroupedPage[]> {
  const pages = Object.entries(groups).flatMap(([group, list]) => list.map((page) => ({ ...page, group })));
  const byUrl = new Map(pages.map((page) => [page.url.split('#')[0]!, page.html]));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    const html = byUrl.get(url.split('#')[0]!);
    return html === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return pages;
}
