import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import { t } from '../shared/i18n';
import { readStorageUse } from '../shared/storage-use';
import { STORE_ALARM_BADGE } from './action-badge';
import { clearShopBadges } from './shop-badge-display';
import { classifyStoreFailure, parseStoreHealth, STORE_HEALTH_KEY, type StoreHealth } from '../shared/store-health';
import type { StoreMiss } from '../store/capture-store';

// A failed evidence write must never be silent: the badge turns red at once (the shopper sees it
// without opening anything) and the state is kept for the popup's banner. On a full disk the
// storage.local write fails too; the badge and its title (browser memory, not disk) still carry
// the alarm, and the banner falls back to them (store-health-banner.tsx).

export async function reportStoreFailure(error: unknown): Promise<StoreHealth> {
  const at = isoWithOffset(new Date());
  await browser.action.setBadgeText({ text: STORE_ALARM_BADGE }).catch(() => undefined);
  return showStoreHealth(classifyStoreFailure(error, at, (await readStorageUse())?.freeBytes ?? null));
}

/** One of the two stores could not take a capture the other one holds: kept, but not twice. */
export async function reportStoreMiss(miss: StoreMiss): Promise<StoreHealth> {
  await browser.action.setBadgeText({ text: STORE_ALARM_BADGE }).catch(() => undefined);
  const code = miss.store === 'copy' ? 'copy_failed' : 'indexeddb_failed';
  return showStoreHealth({ ok: false, code, detail: miss.error.slice(0, 300), at: isoWithOffset(new Date()) });
}

async function showStoreHealth(health: StoreHealth): Promise<StoreHealth> {
  // A shop page's own badge would hide the alarm in its tab.
  await clearShopBadges();
  await Promise.allSettled([
    browser.action.setBadgeBackgroundColor({ color: '#b91c1c' }),
    browser.action.setTitle({ title: t(health.ok ? 'extName' : `storeHealth_${health.code}`) }),
    browser.storage.local.set({ [STORE_HEALTH_KEY]: health }),
  ]);
  return health;
}

/** After a failure, the next successful write clears the alarm; otherwise this costs one read. */
export async function reportStoreOk(): Promise<void> {
  const current = parseStoreHealth((await browser.storage.local.get(STORE_HEALTH_KEY))[STORE_HEALTH_KEY]);
  const badge = await browser.action.getBadgeText({}).catch(() => '');
  if ((!current || current.ok) && badge !== STORE_ALARM_BADGE) return;
  await Promise.allSettled([
    browser.action.setBadgeText({ text: '' }),
    browser.action.setTitle({ title: t('extName') }),
    browser.storage.local.set({ [STORE_HEALTH_KEY]: { ok: true, at: isoWithOffset(new Date()) } }),
  ]);
}
