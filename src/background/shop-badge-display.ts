import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { BADGE_COLOURS, badgeText, type ShopBadge } from '../shop/shop-badge';
import { STORE_ALARM_BADGE } from './action-badge';

// The shop badge is set per tab, so it shows only while that tab shows that shop (the browser drops
// a tab's badge when it navigates or closes). Its tooltip names the rule that set it. A failed
// evidence write ('!' for every tab, store-health-report.ts) outranks it: while that alarm is up no
// tab badge is set, and raising the alarm clears them all.

export async function showShopBadge(tabId: number, badge: ShopBadge): Promise<void> {
  const alarm = (await browser.action.getBadgeText({}).catch(() => '')) === STORE_ALARM_BADGE;
  if (alarm || !badge.level || !badge.setBy) {
    await clearTabBadge(tabId);
    return;
  }
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[badge.level] }),
    browser.action.setBadgeText({ tabId, text: badgeText(badge) }),
    browser.action.setTitle({ tabId, title: `${t('extName')} — ${t(`badgeLevel_${badge.level}`)}: ${t(`badgeRule_${badge.setBy}`)}` }),
  ]);
}

/** Every tab falls back to the global badge (the store alarm, or the stalled-order count). */
export async function clearShopBadges(): Promise<void> {
  const open = await browser.tabs.query({}).catch(() => []);
  await Promise.allSettled(open.flatMap((tab) => (tab.id === undefined ? [] : [clearTabBadge(tab.id)])));
}

async function clearTabBadge(tabId: number): Promise<void> {
  await Promise.allSettled([browser.action.setBadgeText({ tabId, text: null }), browser.action.setTitle({ tabId, title: t('extName') })]);
}
