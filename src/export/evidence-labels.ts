import type { CaseClaim } from '../cases/case-claim';
import type { PaymentFinding } from '../cases/payment-state';
import type { Responsibility } from '../evidence/capture-entry';
import type { LawReference, UnfairClauseRule } from '../terms/unfair-clauses';
import type { ShopStatement } from './shop-statements';

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

const RULE_LABEL: Record<UnfairClauseRule, string> = {
  final_interpretation: '“最终解释权归商家” · claims the final word on its own terms',
  no_refund: '“概不退款” · refuses every refund',
  no_liability: '“不承担任何责任” · excludes all liability',
  unilateral_change: '“可随时修改、恕不通知” · may change terms without notice',
};

const LAW_LABEL: Record<LawReference, string> = {
  civil_code_497: '《民法典》第497条',
  consumer_law_26: '《消费者权益保护法》第26条',
};

/** Why a shop statement is cited: a promise to hold the shop to, or a clause and the law against it. */
export function statementLabel(statement: ShopStatement): string {
  if (statement.kind === 'refund_promise') return '商家的退款承诺 · the shop\'s refund promise';
  const rule = statement.rule ? RULE_LABEL[statement.rule] : '可疑条款 · flagged clause';
  return `${rule} — ${(statement.laws ?? []).map((law) => LAW_LABEL[law]).join('、')}`;
}

export function paymentLabel(payment: PaymentFinding): string {
  const state = {
    paid: '已付款 · Paid',
    not_paid: '未付款（没有钱被扣走） · Not paid (no money moved)',
    unknown: '页面无法判断是否已扣款 · The pages do not show whether money was taken',
  }[payment.state];
  const source =
    payment.source === 'shopper' ? '（依据：用户本人确认 · the shopper says so）' : payment.captureId ? `（依据记录 · per capture ${payment.captureId}）` : '';
  const settled = payment.settled ? ' · 订单已完成或已退款 · the order was delivered or refunded' : '';
  return `${state}${source}${settled}`;
}

const DEMAND_LABEL = {
  deliver_or_refund: '要求发货或全额退款 · asks for delivery or a full refund',
  refund: '要求全额退款 · asks for a full refund',
  refund_extra: '要求退还多扣的款项 · asks for the extra charge back',
  return_deducted: '请支付平台核查并退回扣款 · asks the payment platform to return the money taken',
  confirm_payment: '请商家确认是否收到付款 · asks the shop whether it received the payment',
} as const;

const NO_CLAIM_LABEL = {
  user_side: '不需要投诉：付款因用户一方的原因未完成，请按清单改正后安全重试 · No complaint: the payment stopped on the shopper\'s side; fix it and retry safely',
  not_paid: '不需要投诉：没有付款，也没有扣款 · No complaint: nothing was paid',
  settled: '不需要投诉：订单已完成或已退款 · No complaint: the order was delivered or refunded',
  no_failure: '不需要投诉：没有记录到失败 · No complaint: no failure was recorded',
} as const;

export function claimLabel(claim: CaseClaim): string {
  if (claim.demand === null) return NO_CLAIM_LABEL[claim.why];
  return `${DEMAND_LABEL[claim.demand]} — 草稿按使用顺序 · drafts, in the order to use them:`;
}
