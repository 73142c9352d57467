import { phraseDetector } from '../phrase-detector';

// The provider's own channel is closed for maintenance, said on the provider's page (易支付
// cashier.php "当前支付方式暂时关闭维护"). The same words on the shop's page are the shop's channel
// (shop-gateway-error).
export const providerMaintenance = phraseDetector({
  id: 'provider-maintenance',
  kind: 'payment_error',
  responsibility: 'third_party',
  reasonCode: 'provider_maintenance',
  role: 'provider',
  // A bank's maintenance is the bank's (bank-or-risk-control).
  reject: /银行|bank/i,
  phrases: /((?:支付方式|支付通道|通道|渠道|接口|系统)[^，,。]{0,6}(?:关闭维护|维护中|正在维护|暂停使用)|under maintenance)/i,
  fixtures: ['epay/cashier-channel-maintenance'],
});
