import type { Detector } from '../detector';
import { awaitingPaymentPage } from './awaiting-payment-page';
import { bankOrRiskControl } from './bank-or-risk-control';
import { cardDeclined } from './card-declined';
import { deliveryFailed } from './delivery-failed';
import { doubleDeduction } from './double-deduction';
import { insufficientBalance } from './insufficient-balance';
import { orderAge } from './order-age';
import { orderAlreadyPaid } from './order-already-paid';
import { orderExpired } from './order-expired';
import { orderFailedByShop } from './order-failed-by-shop';
import { outOfStock } from './out-of-stock';
import { paymentCheckUndecided } from './payment-check-undecided';
import { paymentFailedUnexplained } from './payment-failed-unexplained';
import { providerMaintenance } from './provider-maintenance';
import { providerOutage } from './provider-outage';
import { providerRefusedShop } from './provider-refused-shop';
import { serverError5xx } from './server-error-5xx';
import { shopGatewayError } from './shop-gateway-error';
import { termsPage } from './terms-page';
import { userCancelled } from './user-cancelled';
import { userInputError } from './user-input-error';

/**
 * First match wins. Errors outrank order state (a page that shows both is first of all a failure);
 * a provider's own failure is checked before the shop's gateway message that may relay it; the
 * merchant's refusals (当前商户余额不足) before the shopper's balance.
 */
export const DETECTORS: readonly Detector[] = [
  serverError5xx,
  providerOutage,
  providerMaintenance,
  bankOrRiskControl,
  cardDeclined,
  providerRefusedShop,
  shopGatewayError,
  paymentCheckUndecided,
  orderAlreadyPaid,
  orderExpired,
  insufficientBalance,
  userInputError,
  userCancelled,
  outOfStock,
  deliveryFailed,
  orderFailedByShop,
  paymentFailedUnexplained,
  doubleDeduction,
  orderAge,
  awaitingPaymentPage,
  termsPage,
];
