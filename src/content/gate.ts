import { LOOK_AGAIN_AFTER_MS, pageLooksLikeShop } from './page-gate';
import { submitWithRetry } from './submit-with-retry';
import { askWorker } from './worker-channel';

// The one script the manifest puts in every http(s) page, so it must cost a page nothing and show
// it nothing: no observer, no layout, no DOM change, no message. When the page is idle it asks
// page-gate.ts; only a yes sends one message, and the worker injects the reader (reader.ts). A page
// that turns into a shop without loading a new document (a hash or history route, text fetched
// after idle) is asked again then: after a hash or history change, a second after a click, and
// once a few seconds after the first look. Listeners and timers of this isolated world are not
// visible to the page.

const AFTER_CLICK_MS = 1_000;
const IDLE_TIMEOUT_MS = 2_000;

let opened = false;
let clickTimer: ReturnType<typeof setTimeout> | undefined;

function look(): void {
  if (opened || !pageLooksLikeShop(document)) return;
  opened = true;
  removeEventListener('hashchange', look);
  removeEventListener('popstate', look);
  removeEventListener('click', afterClick, true);
  clearTimeout(clickTimer);
  // Asked again while no answer comes (a worker stopped before it answered): the reader going in
  // twice does nothing, a page left without it would be a page never read.
  void submitWithRetry(() => askWorker('page:gate-open', {})).catch(() => undefined);
}


function afterClick(): void {
  clearTimeout(clickTimer);
  clickTimer = setTimeout(look, AFTER_CLICK_MS);
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

whenIdle(() => {
  look();
  if (opened) return;
  addEventListener('hashchange', look);
  addEventListener('popstate', look);
  addEventListener('click', afterClick, { capture: true, passive: true });
  setTimeout(() => whenIdle(look), LOOK_AGAIN_AFTER_MS);
});
