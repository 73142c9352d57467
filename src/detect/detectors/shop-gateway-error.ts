import { phraseDetector } from '../phrase-detector';

// The shop's own payment route failed before any provider took the payment: dujiaoka's errors
// view (lang/zh_CN/dujiaoka.php 支付网关异常/支付网关不存在, en "Payment gateway exception!"),
// acg-faka's 当前支付方式已停用 / 支付方式未部署成功, zfaka's 支付渠道已关闭 / 支付渠道异常 and its
// "站长正在加紧配置" when no payment is set up, and kamiFaka's failing QR call. A shop saying its channel is
// "维护中" is an announcement about the shop, not this payment failing, so it is not matched here.
export const shopGatewayError = phraseDetector({
  id: 'shop-gateway-error',
  kind: 'payment_error',
  responsibility: 'platform',
  reasonCode: 'shop_gateway_error',
  role: 'shop',
  phrases:
    /(支付网关异常|支付网关不存在|支付方式不存在|支付方式已关闭|支付通道已关闭|支付渠道已关闭|支付渠道异常|支付通道异常|支付通道未开启|支付通道不存在|(?:当前)?支付方式已停用|支付方式未部署成功|未配置支付方式|暂无可用的?支付方式|站长正在加紧配置|二维码调用失败|二维码生成失败|生成支付二维码失败|创建支付订单失败|(?:调用|请求)支付接口失败|获取支付(?:二维码|链接)失败|payment gateway (?:error|exception|does not exist|not found|is abnormal)|payment method (?:does not exist|is closed|is disabled|not found)|no payment methods? (?:is |are )?(?:available|configured))[!！。.]?/i,
  maxDetailChars: 400,
  fixtures: [
    'dujiaoka/unicorn-error-gateway-not-exist',
    'kamifaka/pay-qrcode-failed-delayed',
    'kameng/recharge-channel-closed-ant-message-delayed',
    'zfaka/pay-channel-closed-delayed',
    'zfaka/pay-no-payment-configured',
    'acg-faka/item-toastr-pay-disabled',
    'acg-faka/pay-method-missing-text',
  ],
});
