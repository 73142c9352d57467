import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import { t } from './i18n';
import { parseRepairNotice, repairLines, repairNotice, STORE_REPAIR_KEY } from './store-repair-notice';
import { repairWasQuiet, type RepairReport } from '../store/store-repair';

// A repair of the evidence stores is told to the shopper once: a notification now, and the popup's
// banner (store-repair-banner.tsx) until it is dismissed. Quiet repairs (an unfinished write to the
// copy completed) never get here. Used by the worker and by extension pages that write evidence.

export const REPAIR_NOTIFICATION = 'store-repair';
const KNOWN_LOST_KEY = 'storeLostKnown';

export async function announceRepair(report: RepairReport): Promise<void> {
  // What was found lost before stays lost; a check that finds only that again says nothing new.
  const known = new Set<string>(((await browser.storage.local.get(KNOWN_LOST_KEY))[KNOWN_LOST_KEY] as string[] | undefined) ?? []);
  const onlyKnownLoss = repairWasQuiet({ ...report, lost: [] }) && report.lost.every((item) => known.has(item));
  if (onlyKnownLoss) return;
  if (report.lost.length) await browser.storage.local.set({ [KNOWN_LOST_KEY]: [...new Set([...known, ...report.lost])] }).catch(() => undefined);
  const unseen = parseRepairNotice((await browser.storage.local.get(STORE_REPAIR_KEY))[STORE_REPAIR_KEY]);
  const notice = repairNotice(report, isoWithOffset(new Date()), unseen);
  await browser.storage.local.set({ [STORE_REPAIR_KEY]: notice }).catch(() => undefined);
  const lines = repairLines(repairNotice(report, notice.at));
  await browser.notifications
    .create(REPAIR_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t(notice.chainOk ? 'repairTitle' : 'repairTitleBroken'),
      message: lines.map(([key, substitutions]) => t(key, substitutions)).join('\n'),
    })
    .catch(() => undefined);
}
