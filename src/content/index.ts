import { detectPage } from '../detect/detect-page';
import { shouldWatchPage } from '../detect/shop-signals';
import type { Verdict } from '../detect/verdict';
import { sendToWorker } from '../messages/send-message';
import { randomToken, shortDigest } from '../shared/short-id';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../settings/settings';
import { createOrderObserver } from './order-observer';
import { timed } from './bench-timing';
import { watchPage } from './page-watcher';
import { listenForWorkerRequests } from './worker-requests';
import { readSnapshot } from './read-snapshot';
import { createShopPageReporter } from './shop-page-report';
import { submitWithRetry } from './submit-with-retry';
import { textSample } from './text-sample';

// Thin shell: read the page, ask the pure detector, hand a snapshot to the worker. The worker
// decides again with its own copy of the rules; this side only decides when it is worth asking.

const docToken = randomToken();
listenForWorkerRequests(docToken);
const reported = new Set<string>();
const observeOrders = createOrderObserver(docToken);
const reportShopPage = createShopPageReporter(docToken);
let settings: Settings = DEFAULT_SETTINGS;
let isShop = false;
// A message still animating in is read again once it has arrived (a CSS transition ends without a
// mutation to wake the watcher); a few times per page view at most.
const SETTLE_DELAY_MS = 300;
const MAX_SETTLE_READS = 6;
let settleReads = 0;

const scan = timed('paywitness:scan', scanNow);

function scanNow(): void {
  if (!settings.autoCapture) return;
  // Cheap signals first (URL, title, a text sample, the user's lists): most pages are never read.
  if (!isShop) isShop = shouldWatchPage(location.href, document.title, textSample(document), settings);
  if (!isShop) return;
  const snapshot = readSnapshot(document);
  if (snapshot.settling && settleReads < MAX_SETTLE_READS) {
    settleReads++;
    setTimeout(scan, SETTLE_DELAY_MS);
  }
  const verdict = detectPage(snapshot, { stallThresholdHours: settings.stallThresholdHours });
  observeOrders(snapshot, verdict.kind !== 'none');
  reportShopPage(snapshot, verdict);
  if (verdict.kind === 'none') return;
  const signature = verdictSignature(snapshot.url, verdict);
  if (reported.has(signature)) return;
  reported.add(signature);
  const request = { snapshot, key: `${docToken}:${shortDigest(signature)}`, docToken };
  submitWithRetry(() => sendToWorker('capture:submit', request))
    .then((reply) => {
      if (!reply?.ok) reported.delete(signature);
    })
    .catch(() => reported.delete(signature));
}

// One report per verdict per page view: the same finding re-read after every mutation is not new.
function verdictSignature(url: string, verdict: Verdict): string {
  return [url, verdict.kind, verdict.reasonCode, verdict.message, verdict.orderId ?? '', verdict.status ?? ''].join('|');
}

async function start(): Promise<void> {
  settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
  scan();
  watchPage(document.documentElement, scan);
}

void start();
