import { phraseDetector } from '../phrase-detector';

// WeChat H5 "网络环境未能通过安全验证": the IP WeChat saw when the shopper opened the pay link differs
// from the one the shop declared (spbill_create_ip). Either the shop sent the wrong address or the
// shopper's network changed between the two steps; the page cannot tell which, so no one is blamed.
export const paymentCheckUndecided = phraseDetector({
  id: 'payment-check-undecided',
  kind: 'payment_error',
  responsibility: null,
  reasonCode: 'network_check_undecided',
  phrases: /(网络环境未能通过安全验证)/,
  fixtures: ['wechat/h5-network-env-check-failed'],
});
