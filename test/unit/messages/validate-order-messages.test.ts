import { describe, expect, it } from 'vitest';
import { isObserveOrdersRequest, isSupportCaseRequest } from '../../../src/messages/validate-order-messages';

const order = { orderId: 'AB1234567', amount: 10, currency: 'CNY', product: null, status: '处理中', createdAt: null };

describe('order message guards', () => {
  it('accepts well-formed observations and case ids', () => {
    expect(isObserveOrdersRequest({ url: 'https://shop.example/o', orders: [order] })).toBe(true);
    expect(isSupportCaseRequest({ caseId: 'shop.example#order:AB1234567' })).toBe(true);
  });

  it('rejects wrong types, oversize lists and non-web URLs', () => {
    expect(isObserveOrdersRequest({ url: 'javascript:alert(1)', orders: [order] })).toBe(false);
    expect(isObserveOrdersRequest({ url: 'https://s/o', orders: [{ ...order, amount: '10' }] })).toBe(false);
    expect(isObserveOrdersRequest({ url: 'https://s/o', orders: [{ ...order, createdAt: 'yesterday' }] })).toBe(false);
    expect(isObserveOrdersRequest({ url: 'https://s/o', orders: Array(51).fill(order) })).toBe(false);
    expect(isSupportCaseRequest({ caseId: '' })).toBe(false);
    expect(isSupportCaseRequest({ caseId: 'x'.repeat(401) })).toBe(false);
  });
});
