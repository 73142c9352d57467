import browser from 'webextension-polyfill';
import { afterBackup, BACKUP_STATE_KEY, backupDue, backupFileName, NO_DOWNLOADS_API, NO_DOWNLOADS_PERMISSION, parseBackupState, type BackupReason, type BackupState } from '../backup/backup-plan';
import { buildBackup } from '../backup/build-backup';
import { isoWithOffset } from '../evidence/iso-time';
import type { BackupBuiltResponse, BackupNowResponse } from '../messages/message-map';
import { sendToWorker } from '../messages/send-message';
import type { Settings } from '../settings/settings';
import { chainState } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { downloadsApi, offscreenApi, type DownloadsApi } from './browser-capabilities';

// Writes a backup bundle into the Downloads folder (backup-plan.ts says when and what). Chromium's
// worker cannot make a blob: URL, so an offscreen document builds the bundle and holds the URL;
// Firefox's background is a page and builds it itself. The downloads API needs the optional
// `downloads` permission, asked for when the shopper turns backups on (options page).

export interface BackupDeps {
  db: () => Promise<EvidenceDb>;
  settings: () => Promise<Settings>;
}

const OFFSCREEN_PAGE = 'src/offscreen/index.html';
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

let running: Promise<unknown> = Promise.resolve();

/** One backup at a time; the hourly check, a new case and the button may all ask at once. */
export function runBackup(reason: BackupReason, deps: BackupDeps): Promise<BackupNowResponse> {
  const run = running.then(() => backupNow(reason, deps));
  running = run.catch(() => undefined);
  return run;
}

export async function readBackupState(): Promise<BackupState> {
  return parseBackupState((await browser.storage.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY]);
}

async function backupNow(reason: BackupReason, deps: BackupDeps): Promise<BackupNowResponse> {
  const [settings, state, db] = await Promise.all([deps.settings(), readBackupState(), deps.db()]);
  const now = new Date();
  if (!backupDue(settings.backupSchedule, state, (await chainState(db)).head, reason, now)) return { ok: false, error: 'not_due' };
  try {
    if (!(await browser.permissions.contains({ permissions: ['downloads'] }))) throw new Error(NO_DOWNLOADS_PERMISSION);
    const downloads = downloadsApi(browser);
    if (!downloads) throw new Error(NO_DOWNLOADS_API);
    const built = await buildForDownload(db);
    let downloadId: number;
    try {
      downloadId = await downloads.download({ url: built.url, filename: backupFileName(now), conflictAction: 'uniquify', saveAs: false });
      await downloadFinished(downloads, downloadId);
    } finally {
      await built.release();
    }
    const file = (await downloads.search({ id: downloadId }))[0]?.filename ?? backupFileName(now);
    const { state: next, remove } = afterBackup(state, { downloadId, file, at: isoWithOffset(now) }, built.head, built.records);
    for (const old of remove) {
      // Only files this extension wrote, by the id the downloads API gave it.
      await downloads.removeFile(old.downloadId).catch(() => undefined);
      await downloads.erase({ id: old.downloadId }).catch(() => undefined);
    }
    await browser.storage.local.set({ [BACKUP_STATE_KEY]: next });
    return { ok: true, file, bytes: built.bytes, records: built.records };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await browser.storage.local.set({ [BACKUP_STATE_KEY]: { ...state, lastError: { at: isoWithOffset(now), message } } }).catch(() => undefined);
    return { ok: false, error: message };
  }
}

interface ForDownload {
  url: string;
  bytes: number;
  head: string | null;
  records: number;
  release: () => Promise<void>;
}

async function buildForDownload(db: EvidenceDb): Promise<ForDownload> {
  const offscreen = offscreenApi();
  if (!offscreen) {
    // Firefox: the background is an event page, with URL.createObjectURL.
    const backup = await buildBackup(db, browser.runtime.getManifest().version);
    const url = URL.createObjectURL(backup.blob);
    return { url, bytes: backup.blob.size, head: backup.head, records: backup.records, release: async () => URL.revokeObjectURL(url) };
  }
  // A document left from a worker that stopped mid-backup is closed first: it may hold a stale URL.
  await offscreen.closeDocument().catch(() => undefined);
  await offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['BLOBS'], justification: 'Builds the evidence backup bundle as a blob: URL for the downloads API.' });
  // runtime.sendMessage from the worker reaches the extension's pages: here, the offscreen document.
  const built: BackupBuiltResponse = await sendToWorker('backup:build', { version: browser.runtime.getManifest().version });
  if (!built.ok) {
    await offscreen.closeDocument().catch(() => undefined);
    throw new Error(built.error);
  }
  return {
    url: built.url,
    bytes: built.bytes,
    head: built.head,
    records: built.records,
    release: async () => {
      await sendToWorker('backup:release', { url: built.url }).catch(() => undefined);
      await offscreen.closeDocument().catch(() => undefined);
    },
  };
}

function downloadFinished(downloads: DownloadsApi, id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      downloads.onChanged.removeListener(onChanged);
      if (error) reject(error);
      else resolve();
    };
    const settle = (state: string | undefined, reason?: string) => {
      if (state === 'complete') done();
      else if (state === 'interrupted') done(new Error(`download interrupted: ${reason ?? 'unknown'}`));
    };
    const onChanged = (delta: browser.Downloads.OnChangedDownloadDeltaType) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    const timer = setTimeout(() => done(new Error('the download did not finish')), DOWNLOAD_TIMEOUT_MS);
    downloads.onChanged.addListener(onChanged);
    // It may have finished before the listener was added.
    void downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}
