import { findDecisive } from '../decisive-text';
import type { Detector } from '../detector';

// The shop's own payment route failed before any provider saw the payment: dujiaoka renders these
// from PayController through its errors view (lang/zh_CN/dujiaoka.php, lang/en/dujiaoka.php).
const SHOP_GATEWAY_FAILURE =
  /(支付网关异常|支付网关不存在|支付方式不存在|支付方式已关闭|支付通道已关闭|支付通道未开启|支付通道不存在|payment gateway (?:error|exception|does not exist|not found)|payment method (?:does not exist|is closed|not found))[!！。.]?/i;

export const shopGatewayError: Detector = {
  id: 'shop-gateway-error',
  detect(page) {
    const hit = findDecisive(page.snapshot.blocks, SHOP_GATEWAY_FAILURE);
    return hit
      ? { kind: 'payment_error', responsibility: 'platform', reasonCode: 'shop_gateway_error', message: hit.message }
      : null;
  },
};
