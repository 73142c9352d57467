import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import { t } from '../shared/i18n';
import { readStorageUse } from '../shared/storage-use';
import { STORE_ALARM_BADGE } from './action-badge';
import { clearShopBadges } from './shop-badge-display';
import { classifyStoreFailure, parseStoreHealth, STORE_HEALTH_KEY, type StoreHealth } from '../shared/store-health';

// A failed evidence write must never be silent: the badge turns red at once (the shopper sees it
// without opening anything) and the state is kept for the popup's banner. On a full disk the
// storage.local write fails too; the badge and its title (browser memory, not disk) still carry
// the alarm, and the banner falls back to them (store-health-banner.tsx).

export async function reportStoreFailure(error: unknown): Promise<StoreHealth> {
  const at = isoWithOffset(new Date());
  await browser.action.setBadgeText({ text: STORE_ALARM_BADGE }).catch(() => undefined);
  // A shop page's own badge would hide the alarm in its tab.
  await clearShopBadges();
  const health = classifyStoreFailure(error, at, (await readStorageUse())?.freeBytes ?? null);
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
