import type { Detector } from '../detector';
import { aboutOrder, orderClocks } from '../order-clock';

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
    const clocks = orderClocks(page);
    // A paid order still being worked on says more than one waiting for payment.
    const open = clocks.find((clock) => clock.open) ?? clocks.find((clock) => clock.state === 'awaiting_payment');
    if (!open) return null;
    const message = open.facts.status ?? '';
    const reasonCode = !open.open ? 'order_awaiting_payment' : open.ageHours === null ? 'order_open_age_unknown' : 'order_open_watching';
    return { kind: 'order_status', responsibility: null, reasonCode, message, ...aboutOrder(page, open) };
  },
};
