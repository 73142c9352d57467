import browser from 'webextension-polyfill';
import { loadSettings } from '../settings/settings';
import { t } from '../shared/i18n';
import { openEvidenceCopy } from '../store/evidence-copy';
import { openEvidenceDb, type EvidenceDb } from '../store/open-evidence-db';
import { syncAllowedSites } from './allowed-sites';
import { commandsApi, contextMenusApi } from './browser-capabilities';
import { createCaptureQueue } from './capture-queue';
import { ensureRecheckAlarm, listenForOrderAlarms } from './order-alarms';
import { handleOrderMessage } from './order-messages';
import { linkCapture, refineVerdict, type OrderTrackingDeps } from './order-tracking';
import { handleDeleteCapture } from './delete-capture';
import { captureTabNow } from './manual-capture';
import { registerManualCaptureEntryPoints } from './manual-capture-entry-points';
import { handleManualCaptureMessage } from './manual-capture-requests';
import { createMessageRouter } from './message-router';
import { handlePageRead } from './page-reads';
import { handleGateOpen } from './reader-injection';
import { recoverPendingCaptures } from './recover-pending';
import { forgetClosedTab, handleShopMessage, refreshShopBadge } from './shop-messages';
import { announceRepair } from '../shared/announce-repair';
import { backupAfterCapture, listenForBackups } from './backup-triggers';
import { reportStoreFailure, reportStoreMiss, reportStoreOk } from './store-health-report';
import { auditStoresOncePerSession, checkStoresAtStart } from './store-self-check';
import { submitSnapshot, type SubmitDeps } from './submit-snapshot';

// Service-worker entry. Listeners are registered synchronously here, at the top level, so a
// worker woken by a message finds them. Nothing here must survive the worker: the database
// handle and the queue are rebuilt on demand after a restart.

let dbPromise: Promise<EvidenceDb> | null = null;
const deps: SubmitDeps = {
  db: () => (dbPromise ??= openEvidenceDb(undefined, { onTerminated: () => (dbPromise = null) }).catch((error) => {
    dbPromise = null;
    throw error;
  })),
  copy: openEvidenceCopy(),
  queue: createCaptureQueue(),
  settings: loadSettings,
  reasonText: (code) => t(`reason_${code}`),
  reportStoreFailure,
  reportStoreOk,
  reportStoreMiss,
  announceRepair,
  backupAfterCapture,
  orders: {
    refine: (verdict, snapshot, site) => refineVerdict(verdict, snapshot, site, orderDeps),
    link: (entry) => linkCapture(entry, orderDeps),
  },
  shopBadge: (tabId) => refreshShopBadge(tabId, orderDeps),
};
const orderDeps: OrderTrackingDeps = { db: deps.db, settings: loadSettings, now: () => new Date() };

const own = { runtimeId: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

// Before any request is served, IndexedDB and the second copy are compared and, when they differ,
// repaired (store-self-check.ts); then captures a killed worker left half-done are finished
// (text-only, with the reason). Every handler waits on this one promise.
const ready: Promise<void> = deps
  .db()
  .then(async (db) => {
    if (deps.copy) await checkStoresAtStart(db, deps.copy, announceRepair);
    await recoverPendingCaptures(db, deps.copy);
  })
  .catch(async (error: unknown) => {
    await reportStoreFailure(error);
  });
// Once per browser session, after that: every record and file of both stores (no lock while it looks).
void ready.then(async () => {
  if (deps.copy) await auditStoresOncePerSession(await deps.db(), deps.copy, announceRepair).catch(reportStoreFailure);
});

const route = createMessageRouter<browser.Runtime.MessageSender>(own, {
  gateOpen: (sender) => handleGateOpen(sender, loadSettings),
  pageRead: async (request, sender) => {
    await ready;
    return handlePageRead(request, sender, { submit: deps, orders: orderDeps });
  },
  submit: async (request, sender) => {
    await ready;
    return submitSnapshot(request, sender, deps);
  },
  deleteCapture: async (request) => {
    await ready;
    return handleDeleteCapture(request, await deps.db(), deps);
  },
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender));

// Allowed sites get the reader from the browser itself (allowed-sites.ts), kept in step with the settings.
const syncAllowList = () => loadSettings().then(syncAllowedSites).catch(() => undefined);
browser.runtime.onInstalled.addListener(syncAllowList);
browser.runtime.onStartup.addListener(syncAllowList);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) void syncAllowList();
});

// Manual capture: context menu 保存为证据, the save-evidence command, and the popup's button.
// Firefox for Android has neither menus nor commands: only the popup's button there.
registerManualCaptureEntryPoints(
  { runtime: browser.runtime, tabs: browser.tabs, contextMenus: contextMenusApi(browser), commands: commandsApi(browser) },
  () => t('saveAsEvidence'),
  captureTabNow,
);
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleManualCaptureMessage(message, sender, own, captureTabNow),
);

// Order tracking (orders, stalls, duplicate charges, support deadlines): its own messages, alarm
// and notification listeners, all registered here at the top level.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => handleOrderMessage(message, sender, orderDeps));
listenForOrderAlarms(orderDeps);
void ensureRecheckAlarm();

// This shop: a shop page's report (badge, refund promises to keep) and the popup's question.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => handleShopMessage(message, sender, own, orderDeps));
browser.tabs.onRemoved.addListener(forgetClosedTab);
// Backups into the Downloads folder (off by default): their alarms, and the options page's button.
listenForBackups({ db: deps.db, settings: loadSettings }, own);
