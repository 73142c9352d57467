import { findDecisive } from '../decisive-text';
import type { Detector } from '../detector';
import { orderState } from '../facts/order-status';

// An unpaid order or pay link ran out before the shopper paid: dujiaoka 订单已过期，请重新下单 /
// "Order has expired" and its qrpay 支付超时！, epusdt 支付超时, Alipay ACQ.TRADE_HAS_CLOSE 交易已经关闭,
// WeChat H5 支付请求已失效, kamiFaka 订单已过期; or an order page whose status is 已过期 / expired.
const EXPIRED =
  /(订单已过期|订单已失效|订单已超时|支付超时|已超时关闭|交易已经?关闭|支付请求已失效|支付链接已失效|二维码已(?:过期|失效)|付款码已过期|order has expired|order (?:is )?expired|payment (?:session|link|request) (?:has )?expired|checkout session (?:has )?expired)/i;

export const orderExpired: Detector = {
  id: 'order-expired',
  fixtures: [
    'alipay/wap-cashier-trade-closed',
    'dujiaoka/epusdt-checkout-timeout-delayed',
    'dujiaoka/hyper-error-order-expired',
    'dujiaoka/hyper-qrpay-timeout-delayed',
    'dujiaoka/luna-qrpay-expired-layer-delayed',
    'dujiaoka/unicorn-orderinfo-expired',
    'english-shop/dujiaoka-en-error-order-expired',
    'kamifaka/pay-order-expired',
    'wechat/h5-request-expired',
  ],
  detect({ snapshot, facts }) {
    const hit = findDecisive(snapshot.blocks, EXPIRED);
    if (hit) return { kind: 'user_error', responsibility: 'user', reasonCode: 'order_expired', message: hit.message };
    if (orderState(facts.status) === 'expired') {
      return { kind: 'user_error', responsibility: 'user', reasonCode: 'order_expired', message: facts.status ?? '' };
    }
    return null;
  },
};
