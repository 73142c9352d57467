import browser from 'webextension-polyfill';
import type { Message } from '../messages/message-map';
import { isSubmitSnapshotRequest } from '../messages/validate-message';
import { loadSettings } from '../settings/settings';
import { t } from '../shared/i18n';
import { openEvidenceDb, type EvidenceDb } from '../store/open-evidence-db';
import { createCaptureQueue } from './capture-queue';
import { submitSnapshot, type SubmitDeps } from './submit-snapshot';

// Service-worker entry. Listeners are registered synchronously here, at the top level, so a
// worker woken by a message finds them. Nothing here must survive the worker: the database
// handle and the queue are rebuilt on demand after a restart.

let dbPromise: Promise<EvidenceDb> | null = null;
const deps: SubmitDeps = {
  db: () => (dbPromise ??= openEvidenceDb().catch((error) => {
    dbPromise = null;
    throw error;
  })),
  queue: createCaptureQueue(),
  settings: loadSettings,
  reasonText: (code) => t(`reason_${code}`),
};

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const type = (message as Partial<Message> | null)?.type;
  if (type === 'capture:submit') {
    if (!sender.tab) return Promise.resolve({ ok: false, error: 'capture:submit comes only from a page' });
    if (!isSubmitSnapshotRequest(message)) return Promise.resolve({ ok: false, error: 'malformed snapshot' });
    return submitSnapshot(message, sender, deps).catch((error: unknown) => ({
      ok: false as const,
      error: error instanceof Error ? error.message : String(error),
    }));
  }
  return undefined;
});
