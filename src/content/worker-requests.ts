import browser from 'webextension-polyfill';
import type { Message, MessageType, Reply, SubmitSnapshotResponse } from '../messages/message-map';
import { sendToWorker } from '../messages/send-message';
import { t } from '../shared/i18n';
import { readSnapshot } from './read-snapshot';
import { hideSecretMasks, showSecretMasks } from './secret-field-masks';
import { serializePage } from './serialize-page';
import { pageMetrics, scrollAndPaint } from './page-scroll';
import { showPinnedElements } from './pinned-elements';

// What the worker asks of this page at capture time: cover secret fields for the screenshot, hand
// over a masked HTML copy, or submit the page now because the shopper asked for it. Only this
// extension's worker is answered (a tab never sends to another tab's content script).

const MAX_HOLD_MS = 10_000;
const MAX_HTML_CHARS = 5 * 1024 * 1024;

type Handled =
  | 'content:whoami'
  | 'content:mask-secrets'
  | 'content:unmask-secrets'
  | 'content:serialize-page'
  | 'content:capture-now'
  | 'content:page-metrics'
  | 'content:scroll-to';

export function listenForWorkerRequests(docToken: string): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const message = raw as Partial<Message> | null;
    switch (message?.type as MessageType | undefined) {
      case 'content:whoami':
        return reply<'content:whoami'>(Promise.resolve({ docToken, url: location.href }));
      case 'content:mask-secrets': {
        const holdMs = Math.min(Math.max(Number((message as Message<'content:mask-secrets'>).holdMs) || 0, 100), MAX_HOLD_MS);
        return reply<'content:mask-secrets'>(showSecretMasks(document, holdMs, t('maskedField')));
      }
      case 'content:unmask-secrets':
        hideSecretMasks();
        // Also the end of a stitched full-page shot, whose last scroll may have hidden pinned headers.
        showPinnedElements(document);
        return reply<'content:unmask-secrets'>(Promise.resolve({ ok: true }));
      case 'content:serialize-page': {
        const wanted = Number((message as Message<'content:serialize-page'>).maxChars) || MAX_HTML_CHARS;
        return reply<'content:serialize-page'>(Promise.resolve(serializePage(document, Math.min(wanted, MAX_HTML_CHARS))));
      }
      case 'content:capture-now': {
        const grant = (message as Message<'content:capture-now'>).grant;
        if (typeof grant !== 'string' || grant.length > 100) return undefined;
        return reply<'content:capture-now'>(captureNow(docToken, grant));
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

function captureNow(docToken: string, grant: string): Promise<SubmitSnapshotResponse> {
  const snapshot = readSnapshot(document);
  return sendToWorker('capture:submit', { snapshot, key: `${docToken}:manual:${grant}`, docToken, manualGrant: grant });
}
