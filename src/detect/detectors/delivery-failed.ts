import { phraseDetector } from '../phrase-detector';

// Paid, then the shop failed to hand over the goods: kamiFaka "服务器卡密加载失败", 发货失败,
// 卡密获取失败. The shopper's money is with the shop and nothing was delivered.
export const deliveryFailed = phraseDetector({
  id: 'delivery-failed',
  kind: 'payment_error',
  responsibility: 'platform',
  raisedOnly: true,
  reasonCode: 'delivery_failed',
  phrases: /(卡密加载失败|卡密获取失败|提取卡密失败|卡密发放失败|发货失败|自动发货失败|delivery failed|could not deliver)/i,
  fixtures: ['kamifaka/pay-card-load-failed-delayed'],
});
