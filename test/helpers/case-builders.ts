import type { CaptureEntry } from '../../src/evidence/capture-entry';

let counter = 0;

/** A sealed-looking capture record for pure case and checklist tests (hashes are not checked there). */
export function capture(overrides: Partial<CaptureEntry> = {}): CaptureEntry {
  const id = overrides.id ?? `c${++counter}`;
  const orderId = overrides.orderId === undefined ? 'ORDER0000000001' : overrides.orderId;
  const site = overrides.site ?? 'shop.example';
  return {
    id,
    caseId: orderId ? `${site}#order:${orderId}` : `${site}#day:2026-11-28`,
    trigger: 'auto',
    url: `https://${site}/pay-gateway/wx/wxpay/${orderId ?? ''}`,
    site,
    title: '出现错误了哟~',
    capturedAt: '2026-11-28T09:30:00.000+08:00',
    timeZone: 'Asia/Shanghai',
    kind: 'payment_error',
    responsibility: 'platform',
    reasonCode: 'shop_gateway_error',
    reason: '商家网站自己的支付网关出错',
    message: '支付网关异常！',
    orderId,
    amount: 25,
    currency: 'CNY',
    status: null,
    createdAt: null,
    relatedOrderIds: [],
    screenshotError: null,
    environment: { extensionVersion: '0.1.0', userAgent: 'test', viewport: null },
    files: [
      { path: `captures/${id}/screenshot.png`, sha256: 'a'.repeat(64), bytes: 10, type: 'image/png', role: 'screenshot' },
      { path: `captures/${id}/page.txt`, sha256: 'b'.repeat(64), bytes: 10, type: 'text/plain', role: 'text' },
    ],
    prevHash: null,
    hash: 'c'.repeat(64),
    ...overrides,
  };
}
