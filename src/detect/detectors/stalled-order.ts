import type { Detector } from '../detector';
import { aboutOrder, orderClocks } from '../order-clock';

// An order the shop still owes (待处理 / 处理中 / 已付款 …) past the stall threshold: the shop's
// failure to deliver, stated with its age. On a list of orders, the oldest stalled one is named.
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
    const stalled = orderClocks(page)
      .filter((clock) => clock.open && clock.ageHours !== null && clock.ageHours >= page.settings.stallThresholdHours)
      .sort((a, b) => b.ageHours! - a.ageHours!)[0];
    if (!stalled) return null;
    return {
      kind: 'stalled_order',
      responsibility: 'platform',
      reasonCode: 'order_stalled',
      message: `${stalled.facts.status} · ${Math.floor(stalled.ageHours!)} h`,
      ...aboutOrder(page, stalled),
    };
  },
};
