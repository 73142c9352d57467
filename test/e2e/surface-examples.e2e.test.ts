import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../scripts/find-browser.mjs';
import { detectPage } from '../../src/detect/detect-page';
import type { PageSnapshot } from '../../src/detect/page-snapshot';
import { selectorKey, selectorSubjects } from '../../src/content/selector-subjects';
import { SURFACES, type CatalogSurface } from '../../src/detect/surfaces/catalog';
import { pageReaderScript } from '../harness/page-reader-script';

// Every surface entry's examples (the DOM its kit really renders) are rendered in real Chromium and
// read by the content script's own reader: the message's blocks must be marked with that entry and
// tone, and no entry of another tone at the same or a more specific rank may claim any block —
// proof that the selector fits the kit's DOM and that no earlier entry shadows it. On an entry's
// `quiet` pages (a price in red, a product card, Laravel's 404) the engine must raise nothing.

let browser: Browser;
let page: Page;
let script: string;

beforeAll(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium-family browser found (set CHROME_PATH)');
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  script = await pageReaderScript();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

function asDocument(html: string): string {
  return /^\s*(<!doctype|<html)/i.test(html) ? html : `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>shop</title></head><body>${html}</body></html>`;
}

async function read(html: string): Promise<PageSnapshot> {
  await page.setContent(asDocument(html), { waitUntil: 'load' });
  // setContent rewrites the document of the same window: the reader stays injected after the first time.
  if (!(await page.evaluate('typeof globalThis.__payWitnessRead === "function"'))) await page.addScriptTag({ content: script });
  return (await page.evaluate('globalThis.__payWitnessRead()')) as PageSnapshot;
}

/** Entries whose selector (with its `has` / `not`) fits an element of the page. */
function typedMatches(entries: readonly CatalogSurface[]): Promise<string[]> {
  const probes = entries.map(({ id, tone, selector, has, not }) => ({ id, tone, selector, has, not }));
  return page.evaluate((list) => {
    // `has` / `not` count visible elements only, as the reader does (SweetAlert 1 keeps its other icons hidden).
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const fits = (el: Element, selector: string) => (el.matches(selector) && shown(el)) || Array.from(el.querySelectorAll(selector)).some(shown);
    return list
      .filter(({ selector, has, not }) => Array.from(document.querySelectorAll(selector)).some((el) => (!has || fits(el, has)) && (!not || !fits(el, not))))
      .map(({ id, tone }) => `${id}/${tone}`);
  }, probes);
}

/**
 * Every selector part of the catalogue with the name the reader waits for before it asks it
 * (surface-catalogue.ts): a part that matches an element of a page must find its key among the
 * page's names, or the reader would never have asked it there.
 */
const KEYED_PARTS = SURFACES.flatMap((entry) => selectorSubjects([entry.selector]).map(({ selector }) => ({ id: entry.id, selector, key: selectorKey(selector) })));

/** Parts that match something in the page though the page does not show their key. */
function unkeyedMatches(): Promise<string[]> {
  return page.evaluate((parts) => {
    const body = document.body;
    const names = new Set<string>();
    for (const el of [body, ...Array.from(body.querySelectorAll('*'))]) {
      names.add(`t:${el.localName}`);
      if (el.id) names.add(`i:${el.id.toLowerCase()}`);
      for (const name of el.getAttributeNames()) names.add(`a:${name}`);
      for (const name of Array.from(el.classList)) names.add(`c:${name.toLowerCase()}`);
    }
    const shows = (key: string) =>
      key.startsWith('s:') ? [...names].some((name) => name.startsWith('c:') && name.includes(key.slice(2), 2)) : names.has(key);
    return parts
      .filter(({ selector, key }) => key !== null && (body.matches(selector) || body.querySelector(selector)) && !shows(key))
      .map(({ id, selector, key }) => `${id}: ${selector} (key ${key})`);
  }, KEYED_PARTS);
}

function claims(snapshot: PageSnapshot): string[] {
  return snapshot.blocks.filter((block) => block.surface).map((block) => `${block.surface!.id}/${block.surface!.tone}: ${block.text.slice(0, 40)}`);
}

const rankOf = new Map(SURFACES.map((surface) => [surface.id, surface.rank]));
const examples = SURFACES.flatMap((entry) => entry.examples.map((html, index) => [`${entry.id} #${index + 1}`, entry, html] as [string, CatalogSurface, string]));
const quietPages = SURFACES.flatMap((entry) => (entry.quiet ?? []).map((html, index) => [`${entry.id} quiet #${index + 1}`, entry, html] as [string, CatalogSurface, string]));

describe('surface examples (real reader, real Chromium)', () => {
  it('every surface file entry has examples to render', () => {
    expect(examples.length).toBeGreaterThanOrEqual(SURFACES.length);
  });

  it.each(examples)('%s is read as its own surface and tone', async (_name, entry, html) => {
    const snapshot = await read(html);
    const marked = snapshot.blocks.filter((block) => block.surface);
    expect(marked.some((block) => block.surface!.id === entry.id), `no block marked ${entry.id}; marks: ${JSON.stringify(claims(snapshot))}`).toBe(true);
    // A decoration beside the surface (hyper's "error" label) may still be read as generic markup.
    const otherTone = marked.filter((block) => block.surface!.tone !== entry.tone && rankOf.get(block.surface!.id)! <= entry.rank);
    expect(otherTone.map((block) => `${block.surface!.id}/${block.surface!.tone}: ${block.text}`)).toEqual([]);
    // Order must not be what decides a type: no entry typed with another tone (only the neutral
    // `message` fallbacks may also fit) matches anything in the example.
    expect(await typedMatches(SURFACES.filter((other) => other.tone !== entry.tone && other.tone !== 'message'))).toEqual([]);
    expect(await unkeyedMatches()).toEqual([]);
  });

  it('parts without a key are few, and name nothing rarer than a tag or an ARIA attribute', () => {
    const unkeyed = KEYED_PARTS.filter((part) => part.key === null);
    expect(unkeyed.length).toBeLessThan(KEYED_PARTS.length / 10);
    // Outside functional pseudo-classes (`:is(.a, .b)` needs neither name).
    const outside = (selector: string): string => (/\([^()]*\)/.test(selector) ? outside(selector.replace(/\([^()]*\)/g, '')) : selector);
    for (const { selector } of unkeyed) expect(outside(selector)).not.toMatch(/[.#][a-z]|\[data-|^[a-z]+-[a-z]/i);
  });

  it.each(quietPages)('%s raises nothing', async (_name, _entry, html) => {
    const snapshot = await read(html);
    const verdict = detectPage({ ...snapshot, url: 'https://shop.example/buy/12', seenAt: '2026-11-28T10:00:00+08:00' });
    expect(verdict.kind, `${verdict.reasonCode}; marks: ${JSON.stringify(claims(snapshot))}`).toBe('none');
  });
});
