import { phraseDetector } from '../phrase-detector';

// The shopper's own money ran short: a shop wallet (acg-faka 余额不足, 卡盟 你的余额不足，请充值！),
// Alipay ACQ.BUYER_BALANCE_NOT_ENOUGH 买家余额不足, WeChat NOTENOUGH 用户帐号余额不足, Stripe
// insufficient_funds. When the shortage is the merchant's or the shop's supplier's (当前商户余额不足,
// 对接站返回：余额不足) it is not the shopper's and is left to other rules.
export const insufficientBalance = phraseDetector({
  id: 'insufficient-balance',
  kind: 'user_error',
  responsibility: 'user',
  raisedOnly: true,
  reasonCode: 'insufficient_balance',
  phrases: /(余额不足|insufficient funds|insufficient balance|NOTENOUGH|BUYER_BALANCE_NOT_ENOUGH)/i,
  reject: /(商户|商家|对接|上游|供货|货源|站长|平台余额不足|merchant)/i,
  fixtures: [
    'acg-faka/item-toastr-balance-insufficient-delayed',
    'alipay/wap-cashier-balance-insufficient-delayed',
    'english-shop/checkout-insufficient-funds',
    'kameng/pay-balance-insufficient-delayed',
    'wechat/micropay-notenough',
  ],
});
