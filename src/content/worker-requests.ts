import type { PageSnapshot } from '../detect/page-snapshot';
import type { Message, MessageType, Reply, SubmitSnapshotResponse } from '../messages/message-map';
import { readSnapshot } from './read-snapshot';
import { serializePage } from './serialize-page';
import { pageMetrics, scrollAndPaint } from './page-scroll';
import { showPinnedElements } from './pinned-elements';
import { secretFieldRects } from './secret-fields';
import { answerWorker, askWorker } from './worker-channel';

// What the worker asks of this page at capture time: which document this is, where the secret
// fields are (the worker paints over them on the screenshot; nothing is put into the page), a
// masked HTML copy, or the page now because the shopper asked for it. Only this extension's worker
// is answered (a tab never sends to another tab's content script).

const MAX_HTML_CHARS = 5 * 1024 * 1024;

type Handled =
  | 'content:whoami'
  | 'content:secret-rects'
  | 'content:shot-done'
  | 'content:serialize-page'
  | 'content:capture-now'
  | 'content:page-metrics'
  | 'content:scroll-to';

export function listenForWorkerRequests(docToken: string): void {
  answerWorker((message) => {
    switch (message?.type as MessageType | undefined) {
      case 'content:whoami':
        return reply<'content:whoami'>(Promise.resolve({ docToken, url: location.href }));
      case 'content:secret-rects':
        return reply<'content:secret-rects'>(Promise.resolve(secretFieldRects(document)));
      case 'content:shot-done':
        // The end of a stitched full-page shot, whose last scroll may have hidden pinned headers.
        showPinnedElements();
        return reply<'content:shot-done'>(Promise.resolve({ ok: true }));
      case 'content:serialize-page': {
        const wanted = Number((message as Message<'content:serialize-page'>).maxChars) || MAX_HTML_CHARS;
        return reply<'content:serialize-page'>(Promise.resolve(serializePage(document, Math.min(wanted, MAX_HTML_CHARS))));
      }
      case 'content:capture-now': {
        const grant = (message as Message<'content:capture-now'>).grant;
        if (typeof grant !== 'string' || grant.length > 100) return undefined;
        // Read whole and afresh: the page as it is at the instant the shopper asked.
        return reply<'content:capture-now'>(captureNow(docToken, grant, readSnapshot(document)));
      }
      case 'content:page-metrics':
        return reply<'content:page-metrics'>(Promise.resolve(pageMetrics(document)));
      case 'content:scroll-to': {
        const { x, y } = message as Message<'content:scroll-to'>;
        if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
        return reply<'content:scroll-to'>(scrollAndPaint(window, x, y));
      }
      default:
        return undefined;
    }
  });
}

function reply<K extends Handled>(answer: Promise<Reply<K>>): Promise<Reply<K>> {
  return answer;
}

async function captureNow(docToken: string, grant: string, snapshot: PageSnapshot): Promise<SubmitSnapshotResponse> {
  const reply = await askWorker('capture:submit', { snapshot, key: `${docToken}:manual:${grant}`, docToken, manualGrant: grant });
  if (!reply) throw new Error('no reply from the extension worker');
  return reply;
}
