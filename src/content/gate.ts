import { timed } from './bench-timing';
import { LOOK_AGAIN_AFTER_MS, lookAtPage } from './page-gate';
import { submitWithRetry } from './submit-with-retry';
import { askWorker } from './worker-channel';

// The one script the manifest puts in every http(s) page, so it must cost a page nothing and show
// it nothing: no observer, no layout, no DOM change, no message. When the page is idle it asks
// page-gate.ts; only a yes sends one message, and the worker injects the reader (reader.ts). A page
// that turns into a shop without loading a new document (a hash or history route, text fetched
// after idle) is asked again then: a second after a click or a step through history (popstate
// comes with every hash change too, before the page's own hashchange handlers draw the new route),
// and once a few seconds after the first look if the page had little text then. Listeners and
// timers of this isolated world are not visible to the page.

/** After a click or a history step: the page's own handlers, and the fetches they start, go first. */
const LOOK_SOON_MS = 1_000;
const IDLE_TIMEOUT_MS = 2_000;

let opened = false;
let soonTimer: ReturnType<typeof setTimeout> | undefined;

/** Whether the page already had a whole sample of text (page-gate.ts). */
function look(): boolean {
  if (opened) return true;
  const { shop, fullSample } = lookAtPage(document);
  if (!shop) return fullSample;
  opened = true;
  removeEventListener('popstate', lookSoon);
  removeEventListener('click', lookSoon, true);
  clearTimeout(soonTimer);
  // Asked again while no answer comes (a worker stopped before it answered): the reader going in
  // twice does nothing, a page left without it would be a page never read.
  void submitWithRetry(() => askWorker('page:gate-open', {})).catch(() => undefined);
  return true;
}

// Everything the gate does on a page is one of three timed entries (bench builds only, see
// bench-timing.ts; `npm run bench -- --gate` adds them up per load): the script's start, the first
// look with the listeners it sets, and each later look.
const lookAgain = timed('paywitness:gate', (): void => void look());

function lookSoon(): void {
  clearTimeout(soonTimer);
  soonTimer = setTimeout(lookAgain, LOOK_SOON_MS);
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

const firstLook = timed('paywitness:gate', () => {
  const rendered = look();
  if (opened) return;
  // Two listeners, no options object: each costs a fresh world ~0.1–0.2 ms, an options dictionary more.
  addEventListener('popstate', lookSoon);
  addEventListener('click', lookSoon, true);
  // A page that had a whole sample of text at idle has rendered what its sample would show (an
  // article, a docs table, a feed): it is looked at again after a route change or a click only.
  if (!rendered) setTimeout(() => whenIdle(lookAgain), LOOK_AGAIN_AFTER_MS);
});

timed('paywitness:gate-start', () => whenIdle(firstLook))();
