import type { PageSnapshot } from '../detect/page-snapshot';
import { readingChange } from '../messages/reading-change';
import { randomToken } from '../shared/short-id';
import { timed } from './bench-timing';
import { createPageReader, sameReading } from './page-reader';
import { watchPage } from './page-watcher';
import { collectShopLinks } from './shop-links';
import { submitWithRetry } from './submit-with-retry';
import { askWorker } from './worker-channel';
import { listenForWorkerRequests } from './worker-requests';

// The reader, injected by the worker into a page the gate let through (or an allowed site, or a
// page the shopper asked to keep). It reads the page, then what changes, and sends every changed
// reading to the worker, which decides what it shows and keeps it if it must. It answers the
// worker's capture-time questions (worker-requests.ts).

// A message surface still animating in is read again once it has arrived (a CSS transition ends
// without a mutation to wake the watcher); a few times per page view at most.
const SETTLE_DELAY_MS = 300;
const MAX_SETTLE_READS = 6;
/**
 * A reading whose evidence the worker could not keep (its store could not write: the shopper is
 * told, and may free space) is sent again this long after, while the page shows the same; after the
 * last, only a change sends it.
 */
const SEND_AGAIN_AFTER_MS = [5_000, 30_000, 120_000];

/**
 * Injected twice into one document (the gate's request and the allow list's script, or a manual
 * capture), the reader must start once. The mark lives in this extension's isolated world, which
 * the page's own scripts cannot see.
 */
const STARTED = Symbol.for('paywitness.reader');

function start(): void {
  const world = globalThis as { [STARTED]?: true };
  if (world[STARTED]) return;
  world[STARTED] = true;

  const docToken = randomToken();
  const reader = createPageReader(document);
  /**
   * Readings are numbered. The last one sent is what the worker holds: only a reading that differs
   * from it goes, and it goes as what changed from it. Null: send the next one whole.
   */
  let seq = 0;
  let base: { seq: number; snapshot: PageSnapshot } | null = null;
  let settleReads = 0;
  let sentAgain = 0;
  let stop: (() => void) | null = null;
  let stopped = false;

  const scan = timed('paywitness:scan', () => {
    if (stopped) return;
    // The extension was updated, reloaded or removed: no worker will ever answer this reader, and
    // the new version reads the page afresh when it is loaded again. It stops reading.
    if (!chrome.runtime?.id) {
      stopped = true;
      stop?.();
      return;
    }
    const snapshot = reader.read();
    const changed = base === null || !sameReading(base.snapshot, snapshot);
    if (snapshot.settling && settleReads < MAX_SETTLE_READS) {
      settleReads++;
      setTimeout(() => {
        reader.recheckSurfaces();
        scan();
      }, SETTLE_DELAY_MS);
    }
    if (changed) report(snapshot);
  });

  const report = (snapshot: PageSnapshot) => {
    const number = ++seq;
    const links = collectShopLinks(document);
    const change = base ? readingChange(base.snapshot, snapshot, base.seq) : null;
    const request = change ? { seq: number, change, docToken, links } : { seq: number, snapshot, docToken, links };
    base = { seq: number, snapshot };
    submitWithRetry(() => askWorker('page:read', request))
      .then((reply) => {
        if (reply.ok) {
          const delay = reply.sendAgain ? SEND_AGAIN_AFTER_MS[sentAgain++] : undefined;
          // Only if nothing newer went since: a newer reading carries the same finding, if still shown.
          if (delay !== undefined) {
            setTimeout(() => {
              if (base?.seq === number && !stopped) report(snapshot);
            }, delay);
          }
          return;
        }
        if (reply.stop) {
          stopped = true;
          stop?.();
        } else if (reply.sendWhole && base?.seq === number) {
          // The worker no longer holds what this change was made from (it was restarted): the whole reading.
          base = null;
          report(snapshot);
        }
      })
      // No answer even after the retries: the next change sends its reading whatever it is, whole.
      .catch(() => {
        if (base?.seq === number) base = null;
      });
  };

  listenForWorkerRequests(docToken);
  scan();
  if (!stopped) stop = watchPage(document.documentElement, (records) => reader.noteMutations(records), scan);
}

start();
