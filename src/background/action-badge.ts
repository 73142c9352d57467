import browser from 'webextension-polyfill';

// One toolbar badge, two users. A failed evidence write ('!', store-health-report.ts) outranks the
// stalled-order count: the count never hides the alarm; it shows again on the next order round
// after a write succeeds and the alarm is cleared.

export const STORE_ALARM_BADGE = '!';

export async function showStalledOrderCount(count: number): Promise<void> {
  if ((await browser.action.getBadgeText({}).catch(() => '')) === STORE_ALARM_BADGE) return;
  await browser.action.setBadgeBackgroundColor({ color: '#cf1322' });
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
}
