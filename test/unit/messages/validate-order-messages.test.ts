import { describe, expect, it } from 'vitest';
import { isSupportCaseRequest } from '../../../src/messages/validate-order-messages';

describe('order message guards', () => {
  it('accepts well-formed case ids', () => {
    expect(isSupportCaseRequest({ caseId: 'shop.example#order:AB1234567' })).toBe(true);
  });

  it('rejects wrong types and oversize ids', () => {
    expect(isSupportCaseRequest({ caseId: '' })).toBe(false);
    expect(isSupportCaseRequest({ caseId: 'x'.repeat(401) })).toBe(false);
    expect(isSupportCaseRequest({ caseId: 7 })).toBe(false);
  });
});
