import type { Detector } from '../detector';
import { aboutOrder, orderClocks } from '../order-clock';

// A paid order the shop itself marks failed: dujiaoka 异常 (STATUS_ABNORMAL: no card keys left or
// the delivery failed) and 失败, zfaka 处理失败, 卡盟 异常. The shopper paid; the shop did not
// deliver. (An unpaid order cannot be 异常 in these systems.) When the page also says why (luna
// shows 库存可使用卡密不足 in a read-only field), the message tables name that cause first. On a
// list of orders, the failed one is named.
export const orderFailedByShop: Detector = {
  id: 'order-failed-by-shop',
  fixtures: [
    'dujiaoka/unicorn-orderinfo-abnormal-carmis',
    'kameng/query-abnormal',
    'zfaka/query-failed',
  ],
  detect(page) {
    const failed = orderClocks(page).find((clock) => clock.state === 'abnormal' || clock.state === 'failed');
    if (!failed) return null;
    return {
      kind: 'payment_error',
      responsibility: 'platform',
      reasonCode: 'order_failed_by_shop',
      message: failed.facts.status ?? '',
      ...aboutOrder(page, failed),
    };
  },
};
