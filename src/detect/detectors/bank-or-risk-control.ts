import { phraseDetector } from '../phrase-detector';

// The provider's risk control or the shopper's bank stopped the payment: Alipay ACQ.PAYMENT_REQUEST_HAS_RISK
// 支付有风险, 易支付's product-name blacklist (该商品禁止出售) and IP blacklist (系统异常无法完成付款),
// a bank system under maintenance, PayPal INSTRUMENT_DECLINED ("declined by the processor or bank").
// Neither the shop nor the shopper decided this.
export const bankOrRiskControl = phraseDetector({
  id: 'bank-or-risk-control',
  kind: 'payment_error',
  responsibility: 'third_party',
  reasonCode: 'bank_or_risk_control',
  phrases:
    /(支付有风险|交易存在风险|存在交易风险|风控拦截|触发风控|风险控制|该商品禁止出售|商品禁止出售|系统异常无法完成付款|银行系统维护|银行[^，,。]{0,6}维护中|该银行[^，,。]{0,8}维护|发卡行拒绝|银行拒绝|(?:The )?instrument presented was either declined|declined by the processor or bank|INSTRUMENT_DECLINED|risk control|bank (?:system )?maintenance)/i,
  maxDetailChars: 300,
  fixtures: [
    'alipay/wap-cashier-risk-control',
    'epay/submit-blocked-product-name',
    'epay/submit-waiting-then-ip-blocked-delayed',
    'stripe-paypal/paypal-instrument-declined',
    'wechat/pay-failed-bank-maintenance',
  ],
});
