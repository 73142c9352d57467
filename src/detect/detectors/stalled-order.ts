import type { Detector } from '../detector';
import { orderClock } from '../order-clock';

// An order the shop still owes (待处理 / 处理中 / 已付款 …) past the stall threshold: the shop's
// failure to deliver, stated with its age.
export const stalledOrder: Detector = {
  id: 'stalled-order',
  fixtures: [
    'acg-faka/query-waiting-shipment-stalled',
    'dujiaoka/luna-orderinfo-processing-stalled',
    'dujiaoka/unicorn-orderinfo-pending-stalled',
    'english-shop/dujiaoka-en-hyper-orderinfo-pending-stalled',
    'kameng/query-pending-stalled',
    'kameng/query-processing-stalled',
    'zfaka/query-pending-stalled',
  ],
  detect(page) {
    const clock = orderClock(page);
    if (!clock?.open || clock.ageHours === null || clock.ageHours < page.settings.stallThresholdHours) return null;
    return {
      kind: 'stalled_order',
      responsibility: 'platform',
      reasonCode: 'order_stalled',
      message: `${page.facts.status} · ${Math.floor(clock.ageHours)} h`,
    };
  },
};
