import browser from 'webextension-polyfill';
import { buildBackup } from '../backup/build-backup';
import type { BackupBuiltResponse } from '../messages/message-map';
import { isBackupBuildRequest, isBackupReleaseRequest } from '../messages/validate-message';
import { openEvidenceDb } from '../store/open-evidence-db';

// Chromium's service worker has no URL.createObjectURL, and the downloads API needs a URL: this
// offscreen document (reason BLOBS) builds the backup bundle and holds its blob: URL until the
// worker says the download finished. Only this extension's own contexts are answered (never a
// content script, which always comes with a tab).

const own = browser.runtime.id;

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== own || sender.tab) return undefined;
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'backup:build' && isBackupBuildRequest(message)) return build(message.version);
  if (type === 'backup:release' && isBackupReleaseRequest(message)) {
    URL.revokeObjectURL(message.url);
    return Promise.resolve({ ok: true });
  }
  return undefined;
});

async function build(version: string): Promise<BackupBuiltResponse> {
  try {
    const db = await openEvidenceDb();
    const backup = await buildBackup(db, version);
    db.close();
    return { ok: true, url: URL.createObjectURL(backup.blob), bytes: backup.blob.size, head: backup.head, records: backup.records };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
