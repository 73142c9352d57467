import type { Detector } from '../detector';
import { orderClock } from '../order-clock';

// An order page with an id and an open status is worth keeping as the "before" picture of a later
// failure: awaiting payment, or open and younger than the stall threshold. Finished, expired or
// cancelled orders are not alarms and stay silent (an unpaid order merely listed as 已过期 moved no money).
export const openOrder: Detector = {
  id: 'open-order',
  fixtures: [
    'acg-faka/query-paid-waiting-fresh',
    'acg-faka/query-pending-payment-fresh',
    'dujiaoka/hyper-orderinfo-processed-fresh',
    'dujiaoka/unicorn-orderinfo-wait-pay-fresh',
    'english-shop/orders-usdt-pending-payment-fresh',
    'kameng/query-pending-fresh',
    'kameng/query-processing-fresh',
    'zfaka/query-pending-fresh',
  ],
  detect(page) {
    const clock = orderClock(page);
    if (!clock) return null;
    const message = page.facts.status ?? '';
    if (clock.state === 'awaiting_payment') return { kind: 'order_status', responsibility: null, reasonCode: 'order_awaiting_payment', message };
    if (!clock.open) return null;
    if (clock.ageHours === null) return { kind: 'order_status', responsibility: null, reasonCode: 'order_open_age_unknown', message };
    return { kind: 'order_status', responsibility: null, reasonCode: 'order_open_watching', message };
  },
};
