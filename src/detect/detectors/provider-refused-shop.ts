import { phraseDetector } from '../phrase-detector';

// A payment provider refusing the request the shop sent: a bad signature, an unknown, banned,
// unreviewed or unfunded merchant, a domain the merchant never registered, a WeChat H5 merchant
// with unconfigured parameters, an API key that does not exist. The shop's setup, so the shop
// answers for it. Texts: 彩虹易支付 includes/lib/api/Pay.php + submit.php, Alipay invalid-signature
// 验签出错 and any isv.* sub-code (Alipay's class of merchant-side errors), WeChat SIGNERROR 签名错误, Coinbase "No such API key".
export const providerRefusedShop = phraseDetector({
  id: 'provider-refused-shop',
  kind: 'payment_error',
  responsibility: 'platform',
  reasonCode: 'provider_refused_shop',
  // Also when the shop's error page relays the refusal ("支付网关异常！Get Alipay API Error: … isv.invalid-app-id").
  phrases:
    /(?:^(?:支付网关异常|payment gateway (?:error|exception))[!！]?.*)?(签名校验失败|验签失败|验签出错|签名错误|invalid-signature|sign(?:ature)? (?:verification )?(?:error|failed|invalid)|商户不存在|该?商户已被封禁|商户已封禁|商户未通过审核|商户未开通[^\s，,。]{0,8}|商户信息不存在|商户号不存在|当前商户余额不足|该域名不可发起支付|域名没过白|商家存在未配置的参数|isv\.[a-z-]+|No such API key|invalid api key|invalid merchant|merchant (?:does not exist|is banned|not found))[!！。.]?/i,
  maxDetailChars: 400,
  fixtures: [
    'dujiaoka/unicorn-error-gateway-invalid-appid',
    'english-shop/dujiaoka-en-error-gateway-coinbase',
    'alipay/gateway-invalid-signature',
    'epay/submit-domain-not-whitelisted',
    'epay/submit-merchant-balance-insufficient',
    'epay/submit-merchant-banned',
    'epay/submit-merchant-not-exist',
    'epay/submit-merchant-unreviewed',
    'epay/submit-sign-error',
    'wechat/h5-merchant-param-unconfigured',
    'zfaka/pay-wxf2f-sign-error-delayed',
  ],
});
