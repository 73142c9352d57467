import type { Detector } from '../detector';
import { doubleDeduction } from './double-deduction';
import { orderAge } from './order-age';
import { providerRefusedShop } from './provider-refused-shop';
import { shopGatewayError } from './shop-gateway-error';
import { termsPage } from './terms-page';

/** Errors outrank order state: a page that shows both is first of all a failure. */
export const DETECTORS: readonly Detector[] = [shopGatewayError, providerRefusedShop, doubleDeduction, orderAge, termsPage];
