import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import { hoursAndMinutes, newlyStalled, watchState } from '../orders/order-watch';
import { escalationSteps, newlyOverdue } from '../orders/support-deadline';
import { t } from '../shared/i18n';
import { getOrder, listOrders, markStalledNotified } from '../store/order-store';
import { listSupportDeadlines, updateSupportDeadline } from '../store/support-deadline-store';
import { showStalledOrderCount } from './action-badge';
import { notificationButtonClicks } from './browser-capabilities';
import type { OrderTrackingDeps } from './order-tracking';

// chrome.alarms re-checks the tracked orders and support deadlines while no page is open: an
// order that crosses the stall threshold, or a deadline that passes unanswered, is announced once
// by a notification; the badge counts stalled orders. Listeners are added by the entry at the top
// level so an alarm or a click that wakes the worker finds them.

export const RECHECK_ALARM = 'orders:recheck';
const RECHECK_MINUTES = 5;
const STALL_PREFIX = 'stall|';
const SUPPORT_PREFIX = 'support|';

export function listenForOrderAlarms(deps: OrderTrackingDeps): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECHECK_ALARM) void recheckOrders(deps).finally(() => ensureRecheckAlarm());
  });
  // Firefox (desktop and Android) has no notification buttons: a click on the notification itself
  // reopens the page in every browser.
  notificationButtonClicks(browser)?.addListener((id) => void reopenFromNotification(id, deps));
  browser.notifications.onClicked.addListener((id) => void reopenFromNotification(id, deps));
  browser.runtime.onInstalled.addListener(() => void ensureRecheckAlarm());
  browser.runtime.onStartup.addListener(() => void ensureRecheckAlarm());
}

export async function ensureRecheckAlarm(): Promise<void> {
  if (!(await browser.alarms.get(RECHECK_ALARM))) {
    await browser.alarms.create(RECHECK_ALARM, { periodInMinutes: RECHECK_MINUTES, delayInMinutes: 1 });
  }
}

export async function recheckOrders(deps: OrderTrackingDeps): Promise<void> {
  const [db, settings] = await Promise.all([deps.db(), deps.settings()]);
  const now = deps.now();
  const at = isoWithOffset(now);
  const orders = await listOrders(db);
  for (const order of newlyStalled(orders, now.getTime(), settings.stallThresholdHours)) {
    const state = watchState(order, now.getTime(), settings.stallThresholdHours);
    await notify(`${STALL_PREFIX}${order.site}|${order.orderId}`, t('notifyStalledTitle'), t('notifyStalledBody', [
      order.orderId,
      order.site,
      order.status ?? '',
      state.kind === 'stalled' ? hoursAndMinutes(state.ageMs) : '',
    ]), [t('notifyReopen')]);
    await markStalledNotified(db, order.site, order.orderId, at);
    if (settings.autoReopenStalled) await openOrderPage(order.url, false);
  }
  const stalledCount = orders.filter((o) => watchState(o, now.getTime(), settings.stallThresholdHours).kind === 'stalled').length;
  await showStalledOrderCount(stalledCount);

  for (const deadline of newlyOverdue(await listSupportDeadlines(db), now.getTime())) {
    const next = escalationSteps(deadline.channel).map((key) => t(key)).join(' → ');
    await notify(`${SUPPORT_PREFIX}${deadline.caseId}`, t('notifySupportOverdueTitle'), t('notifySupportOverdueBody', [deadline.caseId, next]), []);
    await updateSupportDeadline(db, deadline.caseId, { overdueNotifiedAt: at });
  }
}

async function notify(id: string, title: string, message: string, buttons: string[]): Promise<void> {
  const plain: browser.Notifications.CreateNotificationOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  };
  if (buttons.length) {
    try {
      await browser.notifications.create(id, { ...plain, buttons: buttons.map((button) => ({ title: button })) } as browser.Notifications.CreateNotificationOptions);
      return;
    } catch {
      // Firefox (desktop and Android) has no notification buttons and rejects the whole call when given some
      // (docs/firefox.md); clicking the notification itself does what the button would.
    }
  }
  await browser.notifications.create(id, plain);
}

/** One click: open the order page in front, where the content script captures its current state. */
async function reopenFromNotification(id: string, deps: OrderTrackingDeps): Promise<void> {
  if (!id.startsWith(STALL_PREFIX)) return;
  const [site, orderId] = id.slice(STALL_PREFIX.length).split('|');
  if (!site || !orderId) return;
  const order = await getOrder(await deps.db(), site, orderId);
  if (order) await openOrderPage(order.url, true);
  await browser.notifications.clear(id);
}

/**
 * An order page reopened in a background tab is read and captured like any other, but
 * captureVisibleTab only sees the active tab, so such a capture is text-only with
 * `tab_not_visible` as its reason; PayWitness never steals focus to take the picture.
 */
async function openOrderPage(url: string, active: boolean): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return;
  await browser.tabs.create({ url, active });
}
