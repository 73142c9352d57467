import type { BrowserContext } from 'playwright-core';
import { median, percentile } from './bench-stats';

// Popup first render: navigation start of the popup page → the first row of the list (cases, or
// captures in the older popup) is in the DOM, or with an empty store the "no captures" line. Not a
// "loading" line: the popup has not shown the evidence yet then. A MutationObserver installed
// before any page script runs stamps the moment, so polling adds no delay to the number.

export interface PopupRender {
  stored: number;
  opens: number;
  firstRenderMs: number[];
  rowsShown: number[];
}

export async function measurePopupRender(context: BrowserContext, url: string, stored: number, opens: number): Promise<PopupRender> {
  const result: PopupRender = { stored, opens, firstRenderMs: [], rowsShown: [] };
  for (let open = 0; open < opens; open++) {
    const page = await context.newPage();
    await page.addInitScript(stampFirstRender);
    await page.goto(url);
    // A popup that never shows a row counts as no render (NaN → "n/a", a miss), not as a crash.
    const rendered = await page
      .waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 20_000, polling: 50 })
      .then(() => true, () => false);
    const { at, rows } = await page.evaluate(() => ({
      at: (window as unknown as { __firstRender?: number }).__firstRender ?? Number.NaN,
      rows: document.querySelectorAll('.cases > li, .captures > li').length,
    }));
    if (!rendered) result.firstRenderMs.push(Number.NaN);
    else result.firstRenderMs.push(at);
    result.rowsShown.push(rows);
    await page.close();
  }
  return result;
}

function stampFirstRender(): void {
  const emptyText = chrome.i18n.getMessage('noCaptures');
  const shown = () =>
    document.querySelector('.cases > li, .captures > li') !== null ||
    [...document.querySelectorAll('p.status')].some((line) => line.textContent === emptyText);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    (window as unknown as { __firstRender: number }).__firstRender = performance.now();
    observer.disconnect();
  });
  // Preact may turn the loading line into the empty-store line by changing its text node only.
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export function summarisePopup(render: PopupRender) {
  return {
    stored: render.stored,
    opens: render.opens,
    medianMs: median(render.firstRenderMs.map(orNever)),
    p95Ms: percentile(render.firstRenderMs.map(orNever), 95),
    rowsShown: median(render.rowsShown),
  };
}

const orNever = (ms: number) => (Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms);
