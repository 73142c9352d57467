import { phraseDetector } from '../phrase-detector';

// The shopper stopped the payment themselves (PayPal cancel_url page "You cancelled the PayPal
// payment", 用户取消支付). Nothing failed.
export const userCancelled = phraseDetector({
  id: 'user-cancelled',
  kind: 'user_error',
  responsibility: 'user',
  reasonCode: 'user_cancelled',
  phrases: /(^payment (?:was )?cancell?ed$|^you cancell?ed|用户(?:已)?取消(?:了)?支付|您已取消支付|已取消支付)/i,
  maxDetailChars: 160,
  fixtures: ['stripe-paypal/paypal-return-cancelled'],
});
