import { findDecisive } from '../decisive-text';
import type { Detector } from '../detector';

// A payment provider (易支付/epay submit.php and its clones) refusing the request the shop sent:
// a bad signature or a banned / unknown merchant is the shop's setup, so the shop answers for it.
const REFUSAL =
  /(签名校验失败|验签失败|签名错误|sign(?:ature)? (?:verification )?(?:error|failed|invalid)|商户不存在|该?商户已被封禁|商户已封禁|商户未开通[^\s，,。]{0,8}|商户信息不存在|invalid merchant|merchant (?:does not exist|is banned|not found))[!！。.]?/i;

export const providerRefusedShop: Detector = {
  id: 'provider-refused-shop',
  detect(page) {
    const hit = findDecisive(page.snapshot.blocks, REFUSAL);
    return hit
      ? { kind: 'payment_error', responsibility: 'platform', reasonCode: 'provider_refused_shop', message: hit.message }
      : null;
  },
};
