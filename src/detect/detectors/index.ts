import type { Detector } from '../detector';
import { awaitingPaymentPage } from './awaiting-payment-page';
import { chargeStatedTwice } from './charge-stated-twice';
import { doubleDeduction } from './double-deduction';
import { duplicateOrdersListed } from './duplicate-orders-listed';
import { messageShown } from './message-shown';
import { openOrder } from './open-order';
import { orderFailedByShop } from './order-failed-by-shop';
import { serverError5xx } from './server-error-5xx';
import { stalledOrder } from './stalled-order';
import { termsPage } from './terms-page';
import { unnamedMessage } from './unnamed-message';

/**
 * First match wins. A crashed server first (its page has no message surface), then any message the
 * tables know (errors outrank order state: a page that shows both is first of all a failure), the
 * order's own state (failed, charged twice, stalled), a failure shown in words no table knows, and last the
 * neutral records (an open order, a pay page waiting, the shop's terms).
 */
export const DETECTORS: readonly Detector[] = [
  serverError5xx,
  messageShown,
  orderFailedByShop,
  doubleDeduction,
  chargeStatedTwice,
  duplicateOrdersListed,
  stalledOrder,
  unnamedMessage,
  openOrder,
  awaitingPaymentPage,
  termsPage,
];
