import type { Responsibility } from '../evidence/capture-entry';

// Fixed bilingual labels for documents inside the bundle. The bundle is read by Chinese support
// staff and regulators whatever the shopper's browser language, so these do not follow t().

const KIND_LABEL: Readonly<Record<string, { zh: string; en: string }>> = {
  payment_error: { zh: '支付失败', en: 'Payment failed' },
  user_error: { zh: '用户操作问题', en: 'User-side problem' },
  stalled_order: { zh: '订单长时间未处理', en: 'Order stalled' },
  duplicate_charge: { zh: '重复扣款', en: 'Charged twice' },
  order_status: { zh: '订单状态记录', en: 'Order status snapshot' },
  terms: { zh: '可疑条款', en: 'Suspicious terms' },
  manual: { zh: '手动截取', en: 'Captured by hand' },
  attachment: { zh: '用户附件', en: 'Attachment from the shopper' },
};

/** A kind added later than this table still reads as its stable key rather than as nothing. */
export function kindLabel(kind: string): { zh: string; en: string } {
  return KIND_LABEL[kind] ?? { zh: kind, en: kind };
}

export function responsibilityLabel(responsibility: Responsibility | null): { zh: string; en: string } {
  switch (responsibility) {
    case 'platform':
      return { zh: '商家/平台责任', en: 'The shop / platform' };
    case 'user':
      return { zh: '用户操作原因', en: 'The shopper' };
    case 'third_party':
      return { zh: '第三方（银行、支付机构或风控）', en: 'A third party (bank, payment provider, risk control)' };
    case null:
      return { zh: '无法从页面判断', en: 'Cannot tell from the page' };
  }
}
