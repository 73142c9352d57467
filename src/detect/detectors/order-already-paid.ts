import { phraseDetector } from '../phrase-detector';

// The shopper submitted an order that is already paid: dujiaoka 订单已经支付过了，请勿重复支付,
// 易支付 该订单已完成支付，请勿重复支付, Alipay ACQ.TRADE_HAS_SUCCESS 交易已被支付, WeChat ORDERPAID
// 商户订单已支付，无需重复操作. Nothing was lost by this page; the shopper pressed pay again.
// zfaka's "订单已支付成功" is the success notice and is not matched.
export const orderAlreadyPaid = phraseDetector({
  id: 'order-already-paid',
  kind: 'user_error',
  responsibility: 'user',
  reasonCode: 'order_already_paid',
  phrases:
    /(订单已经支付过了|已经支付过了|已付款过|已支付过|请勿重复(?:发起)?(?:支付|付款|提交)|交易已被支付|商户订单已支付|无需重复(?:支付|操作)|ORDERPAID|TRADE_HAS_SUCCESS|(?:has )?already been paid|has been paid, please do not|do not (?:repeat (?:the )?payment|pay again)|order (?:is )?already paid)/i,
  fixtures: [
    'alipay/wap-cashier-trade-has-success',
    'dujiaoka/luna-error-already-paid',
    'epay/cashier-already-paid',
    'epay/submit-already-paid-outtradeno',
    'kameng/pay-already-paid-swal',
    'wechat/jsapi-orderpaid',
  ],
});
