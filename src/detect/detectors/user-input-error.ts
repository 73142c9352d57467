import { phraseDetector } from '../phrase-detector';

// Something the shopper typed or did was wrong: a captcha (dujiaoka 图形验证码错误, acg-faka 验证码错误,
// zfaka), a query password (acg-faka 密码错误), card details (Stripe "Your card number is incorrect",
// "Your card's security code is incorrect", "Your card has expired"), or too many unpaid orders
// left open (zfaka 您有太多未付款订单了).
export const userInputError = phraseDetector({
  id: 'user-input-error',
  kind: 'user_error',
  responsibility: 'user',
  reasonCode: 'user_input_error',
  phrases:
    /(图形验证码错误|验证码错误|验证码不正确|验证码有误|短信验证码错误|(?:查询|取卡|支付)?密码错误|卡号错误|卡号有误|安全码错误|有效期错误|太多未付款订单|未付款订单过多|Your card number is incorrect|Your card's security code is incorrect|Your card's expiration (?:date|year|month) is (?:incorrect|invalid)|Your card has expired|Your postal code is incorrect|incorrect_cvc|incorrect_number|invalid_expiry|expired_card|(?:image )?(?:captcha|verification code) (?:is )?(?:incorrect|wrong|invalid|error))/i,
  fixtures: [
    'acg-faka/item-toastr-captcha-error-delayed',
    'acg-faka/query-secret-password-error-delayed',
    'dujiaoka/hyper-error-image-captcha',
    'stripe-paypal/stripe-checkout-expired-card',
    'stripe-paypal/stripe-checkout-incorrect-cvc',
    'stripe-paypal/stripe-checkout-incorrect-number-delayed',
    'zfaka/order-too-many-unpaid',
    'zfaka/query-captcha-error',
  ],
});
