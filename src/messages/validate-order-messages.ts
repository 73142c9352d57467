import type { OrderSighting } from '../orders/order-record';
import type { ObserveOrdersRequest, SupportCaseRequest } from './message-map';

// Runtime checks for the order-tracking messages: a page's renderer is not trusted just because
// it speaks our message names, so every field is typed and capped.

const MAX_ORDERS = 50;

export function isObserveOrdersRequest(value: unknown): value is ObserveOrdersRequest {
  if (!isRecord(value) || !isString(value.url, 4096) || !/^https?:\/\//i.test(value.url as string)) return false;
  return Array.isArray(value.orders) && value.orders.length <= MAX_ORDERS && value.orders.every(isSighting);
}

export function isSupportCaseRequest(value: unknown): value is SupportCaseRequest {
  return isRecord(value) && isString(value.caseId, 400);
}

function isSighting(value: unknown): value is OrderSighting {
  if (!isRecord(value) || !isString(value.orderId, 64)) return false;
  const amountOk = value.amount === null || (typeof value.amount === 'number' && Number.isFinite(value.amount) && value.amount >= 0);
  const createdOk = value.createdAt === null || (isString(value.createdAt, 40) && !Number.isNaN(Date.parse(value.createdAt as string)));
  return (
    amountOk &&
    createdOk &&
    isNullableString(value.currency, 10) &&
    isNullableString(value.product, 200) &&
    isNullableString(value.status, 40)
  );
}

function isNullableString(value: unknown, max: number): boolean {
  return value === null || isString(value, max);
}

function isString(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
