import { describe, expect, it } from 'vitest';
import { attachmentDraft, safeFileName } from '../../../src/evidence/attachment-entry';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';

describe('safeFileName', () => {
  it('keeps ordinary names, Chinese included', () => {
    expect(safeFileName('银行短信 截图.png')).toBe('银行短信 截图.png');
  });
  it('drops folders, traversal, reserved and control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\收据.pdf')).toBe('收据.pdf');
    expect(safeFileName('a<b>c:d"e|f?g*h\u0001.txt')).toBe('a_b_c_d_e_f_g_h_.txt');
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('  .hidden ')).toBe('hidden');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
  });
  it('shortens long names but keeps the extension', () => {
    const name = safeFileName(`${'长'.repeat(300)}.jpeg`);
    expect(name.length).toBe(100);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});

describe('attachmentDraft', () => {
  it('joins the case of the capture it is added to, claims no fault and no order state', () => {
    const capture = { caseId: 'shop.test#order:ABC', url: 'https://shop.test/order/ABC', site: 'shop.test', orderId: 'ABC' } as CaptureEntry;
    const draft = attachmentDraft(capture, {
      id: 'id-1',
      fileName: 'sms.png',
      capturedAt: '2026-11-28T10:00:00.000+08:00',
      timeZone: 'Asia/Shanghai',
      reason: 'A file you added to this case.',
      environment: { extensionVersion: '0.1.0', userAgent: 'UA', viewport: null },
    });
    expect(draft).toMatchObject({
      caseId: 'shop.test#order:ABC',
      kind: 'attachment',
      trigger: 'manual',
      orderId: 'ABC',
      responsibility: null,
      status: null,
      amount: null,
      message: 'sms.png',
    });
  });
});
