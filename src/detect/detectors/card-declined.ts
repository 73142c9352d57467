import { phraseDetector } from '../phrase-detector';

// The card issuer refused without saying why (Stripe card_declined / generic_decline: "Your card
// was declined."; PayPal's "Sorry, your transaction could not be processed"). The shopper typed nothing wrong and the shop did nothing wrong: the bank decided.
// Declines that name the shopper's own mistake (expired card, wrong CVC, no funds) are user-side
// and live in user-input-error / insufficient-balance.
export const cardDeclined = phraseDetector({
  id: 'card-declined',
  kind: 'payment_error',
  responsibility: 'third_party',
  reasonCode: 'card_declined',
  phrases: /(Your card was declined|Sorry, your transaction could not be processed|Your card does not support this type of purchase|generic_decline|card_declined|银行卡被拒绝|卡片被拒绝|交易被发卡行拒绝)/i,
  fixtures: ['dujiaoka/stripe-cashier-declined-delayed', 'english-shop/checkout-card-declined-delayed'],
});
