import { describe, expect, it } from 'vitest';
import { manualVerdict } from '../../../src/detect/manual-verdict';
import { noneVerdict, type Verdict } from '../../../src/detect/verdict';

describe('manualVerdict', () => {
  it('keeps what the detectors found', () => {
    const found: Verdict = { ...noneVerdict(), kind: 'payment_error', responsibility: 'platform', reasonCode: 'shop_gateway_error', message: '支付网关异常' };
    expect(manualVerdict(found)).toBe(found);
  });

  it('files a page with an order as order_status, anything else as manual, never blaming anyone', () => {
    const withOrder = manualVerdict(noneVerdict({ orderId: 'ABC123', amount: 10, currency: 'CNY', status: '处理中', createdAt: null }));
    expect(withOrder).toMatchObject({ kind: 'order_status', responsibility: null, reasonCode: 'manual_capture_order', orderId: 'ABC123', amount: 10 });
    expect(manualVerdict(noneVerdict())).toMatchObject({ kind: 'manual', responsibility: null, reasonCode: 'manual_capture' });
  });
});
