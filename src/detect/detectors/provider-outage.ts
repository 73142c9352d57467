import { phraseDetector } from '../phrase-detector';

// The payment provider itself is down or busy: Alipay 系统繁忙 / "Service Currently Unavailable -
// isp.unknow-error" (ACQ.SYSTEM_ERROR), WeChat SYSTEMERROR 系统错误/系统超时, PayPal's "Things don't
// appear to be working at the moment", Stripe's processing_error. Also when the shop's error page
// only relays it ("支付网关异常！Get Alipay API Error:Service Currently Unavailable - isp.unknow-error"):
// the shop reached the provider and the provider failed. Alipay's isp.* sub-codes are by its own
// taxonomy errors inside Alipay (isv.* are the merchant's, see provider-refused-shop).
export const providerOutage = phraseDetector({
  id: 'provider-outage',
  kind: 'payment_error',
  responsibility: 'third_party',
  reasonCode: 'provider_outage',
  phrases:
    /(?:^(?:支付网关异常|payment gateway (?:error|exception))[!！]?.*)?(系统繁忙|系统错误|系统超时|服务暂不可用|网络繁忙|Service Currently Unavailable|isp\.[a-z-]+|ACQ\.SYSTEM_ERROR|SYSTEMERROR|system (?:is )?busy|Things don't appear to be working at the moment|An error occurred while processing your card|processing_error|service (?:is )?temporarily unavailable)/i,
  maxDetailChars: 300,
  fixtures: [
    'alipay/wap-cashier-system-busy',
    'dujiaoka/luna-error-gateway-alipay-busy',
    'epay/submit-alipay-busy',
    'wechat/jsapi-system-busy-delayed',
    'stripe-paypal/paypal-checkout-outage',
    'stripe-paypal/stripe-checkout-processing-error',
  ],
});
