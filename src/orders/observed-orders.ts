import { pageOrders } from '../detect/facts/page-orders';
import type { PageSnapshot } from '../detect/page-snapshot';
import type { OrderSighting } from './order-record';

// Which orders a page shows, one record each: an order detail or payment page shows one; query
// results, user-centre lists and purchase records show several (a table row or a card each).
// Read with the same extractor detection uses (src/detect/facts/page-orders.ts), so a list's
// alarm and its order records name the same orders.

export function observedOrders(snapshot: Pick<PageSnapshot, 'url' | 'blocks'>): OrderSighting[] {
  return pageOrders(snapshot).map(({ orderId, amount, currency, product, status, createdAt }) => ({ orderId, amount, currency, product, status, createdAt }));
}
