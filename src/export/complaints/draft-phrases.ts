import type { Demand, Party } from '../../cases/case-claim';
import type { CaptureKind } from '../../evidence/capture-entry';
import type { LawReference } from '../../terms/unfair-clauses';
import type { DraftLanguage } from './draft-language';

// Every sentence a draft can hold, once per language — each table typed so that a sentence missing
// in one language does not compile — so a draft is written wholly in the shop's language
// (draft-language.ts). Page text only ever enters a sentence as a quotation: 「…」 in
// Chinese, “…” in English. The wording speaks to the recipient (shop staff, a payment platform, a
// regulator), not to the shopper, which is why it is not the popup's `_locales` text.

export interface Phrases {
  quote(text: string): string;
  /** `88.00 元` / `CNY 88.00`. */
  money(amount: number, currency: string | null): string;
  time(beijing: string): string;
  list(items: readonly string[]): string;
  kind(kind: string): string;
  /** What happened, in the recipient's words, by the rule that decided (a reason added later reads as the generic one). */
  reason(reasonCode: string): string;
  orderFacts(parts: { orderId: string | null; money: string | null; orderedAt: string | null; status: string | null }): string;
  timelineLine(at: string, kind: string, message: string, status: string | null, note?: string): string;
  timelineHeading: string;
  whatHappened(reason: string): string;
  refundPromise(text: string, at: string, captureId: string): string;
  /** The flagged clauses of one terms capture, quoted together, and why they do not bind the shopper. */
  flaggedClauses(texts: readonly string[], at: string, captureId: string, laws: readonly LawReference[]): string;
  /** What is asked, worded for who reads it: the shop is asked, a platform asked to help, 12315 told what is wanted. */
  demand(demand: Demand, money: string | null, to: Party): string;
  paymentRecords(records: readonly string[]): string;
  paymentRecord(orderId: string | null, money: string | null, at: string, captureId: string): string;
  supportGreeting(site: string): string;
  /** `商户「星河发卡」（shop.example），` — the merchant a payment platform is told about. */
  merchant(name: string | null, site: string): string;
  /** `deadline`: Beijing time, as beijingTime() writes it. */
  supportDeadline(hours: number, deadline: string, escalate: boolean): string;
  /** A stalled order's line: our own words, not a quotation — `已过 30 小时`. */
  stalledFor(hours: number): string;
  evidenceKept: string;
  supportContacted(at: string): string;
}

// The failure reasons detection names (src/detect/detectors, src/orders); a case decided by any
// other reason has nothing to claim, or reads as the generic sentence.
const FAILURE_REASONS = [
  'shop_gateway_error',
  'provider_refused_shop',
  'provider_outage',
  'provider_maintenance',
  'provider_server_error',
  'shop_server_error',
  'bank_or_risk_control',
  'card_declined',
  'network_check_undecided',
  'order_stalled',
  'order_stalled_since_first_seen',
  'out_of_stock',
  'delivery_failed',
  'order_failed_by_shop',
  'charged_twice_one_order',
  'duplicate_charge_unclear',
  'duplicate_orders_both_delivered',
  'payment_failed_unexplained',
  'insufficient_balance',
  'user_input_error',
  'user_cancelled',
  'order_expired',
  'order_already_paid',
] as const;
type FailureReason = (typeof FAILURE_REASONS)[number];

function reasonIn(table: Record<FailureReason, string>, code: string): string | undefined {
  return (FAILURE_REASONS as readonly string[]).includes(code) ? table[code as FailureReason] : undefined;
}

const REASON_ZH: Record<FailureReason, string> = {
  shop_gateway_error: '商家网站的支付网关报错，付款未能完成',
  provider_refused_shop: '支付平台拒绝了商家发起的支付请求（商家的签名或商户配置有误）',
  provider_outage: '支付平台返回系统错误，付款未能完成',
  provider_maintenance: '支付平台页面显示该支付方式正在维护',
  provider_server_error: '支付平台的服务器无法访问',
  shop_server_error: '商家网站的服务器报错、无法访问',
  bank_or_risk_control: '付款被银行或支付平台的风控拦截',
  card_declined: '付款被发卡银行拒绝',
  network_check_undecided: '微信支付的网络环境校验未通过',
  order_stalled: '订单付款后一直处于待处理或处理中，超过时限仍未发货',
  order_stalled_since_first_seen: '订单付款后一直处于待处理或处理中，超过时限仍未发货',
  out_of_stock: '付款后商家表示无货，无法交付',
  delivery_failed: '付款成功后商家没有交付商品',
  order_failed_by_shop: '商家把已付款的订单标为失败或异常',
  charged_twice_one_order: '商家自己的记录显示同一订单扣款两次',
  duplicate_charge_unclear: '同一次购买出现两笔金额相同的付款',
  duplicate_orders_both_delivered: '出现两笔金额相同的订单',
  payment_failed_unexplained: '页面显示支付失败，但没有说明原因',
  insufficient_balance: '付款时提示余额不足',
  user_input_error: '付款时提示填写内容有误',
  user_cancelled: '付款被取消',
  order_expired: '订单在付款前已过期',
  order_already_paid: '订单提示已经付过款',
};

const REASON_EN: Record<FailureReason, string> = {
  shop_gateway_error: "the shop's own payment gateway failed",
  provider_refused_shop: "the payment provider refused the shop's request (wrong signature or merchant setup)",
  provider_outage: 'the payment provider returned a system error',
  provider_maintenance: 'the payment method was down for maintenance',
  provider_server_error: "the payment provider's server could not be reached",
  shop_server_error: "the shop's server failed with a server error",
  bank_or_risk_control: 'risk control or the bank stopped the payment',
  card_declined: 'the card issuer declined the payment',
  network_check_undecided: "WeChat Pay's network check failed",
  order_stalled: 'the paid order is still not delivered, past the promised time',
  order_stalled_since_first_seen: 'the paid order is still not delivered, past the promised time',
  out_of_stock: 'after payment the shop said the item was out of stock',
  delivery_failed: 'the shop took the payment but did not deliver',
  order_failed_by_shop: 'the shop marked the paid order as failed',
  charged_twice_one_order: "the shop's own records show the same order charged twice",
  duplicate_charge_unclear: 'one purchase shows two payments of the same amount',
  duplicate_orders_both_delivered: 'two orders of the same amount were placed',
  payment_failed_unexplained: 'the page said the payment failed, without a reason',
  insufficient_balance: 'the payment page said the balance was insufficient',
  user_input_error: 'the payment page said an entry was wrong',
  user_cancelled: 'the payment was cancelled',
  order_expired: 'the order expired before it was paid',
  order_already_paid: 'the page said the order was already paid',
};

const KIND_ZH: Record<CaptureKind, string> = {
  payment_error: '支付失败',
  user_error: '付款未完成',
  stalled_order: '订单长时间未处理',
  duplicate_charge: '重复扣款',
  order_status: '订单状态',
  terms: '商家条款',
  manual: '页面记录',
  attachment: '附件',
};

const KIND_EN: Record<CaptureKind, string> = {
  payment_error: 'payment failed',
  user_error: 'payment not completed',
  stalled_order: 'order stalled',
  duplicate_charge: 'charged twice',
  order_status: 'order status',
  terms: "shop's terms",
  manual: 'page kept',
  attachment: 'attachment',
};

const LAW_ZH: Record<LawReference, string> = {
  consumer_law_26: '《消费者权益保护法》第二十六条',
  civil_code_497: '《民法典》第四百九十七条',
};

const LAW_EN: Record<LawReference, string> = {
  consumer_law_26: 'Art. 26 of the PRC Consumer Rights Law',
  civil_code_497: 'Art. 497 of the PRC Civil Code',
};

type DemandWords = Record<Party, Record<Demand, (sum: string) => string>>;

const DEMAND_ZH: DemandWords = {
  shop: {
    deliver_or_refund: (sum) => `我已付款，请立即发货；无法发货的，请全额退还已付款项${sum}。`,
    refund: (sum) => `我已付款而订单无法履行，请全额退还已付款项${sum}。`,
    refund_extra: (sum) => `同一次购买被重复扣款，请退还多扣的款项${sum}，只保留一笔。`,
    return_deducted: (sum) => `付款显示失败，但款项${sum}已从我的账户扣除，请核实是否收到并退还。`,
    confirm_payment: () => '请核实贵店是否已收到这笔付款：如已收到，请立即发货或全额退款；如未收到，请告知，我好另行处理。',
  },
  payment_platform: {
    deliver_or_refund: (sum) => `我已付款，商家至今未履行订单。请协助要求商家立即发货，或全额退还已付款项${sum}。`,
    refund: (sum) => `我已付款而订单无法履行。请协助要求商家全额退还已付款项${sum}。`,
    refund_extra: (sum) => `同一次购买被重复扣款。请协助退还多扣的款项${sum}。`,
    return_deducted: (sum) => `付款显示失败，但款项${sum}已从我的账户扣除。请核查这笔交易，并将扣款退回原支付账户。`,
    confirm_payment: () => '请协助核实商家是否已收到这笔付款。',
  },
  '12315': {
    deliver_or_refund: (sum) => `要求商家立即发货；无法发货的，全额退还已付款项${sum}。`,
    refund: (sum) => `要求商家全额退还已付款项${sum}。`,
    refund_extra: (sum) => `要求商家退还重复扣除的款项${sum}。`,
    return_deducted: (sum) => `要求退还被扣除的款项${sum}。`,
    confirm_payment: () => '要求商家核实是否收到付款，并发货或退款。',
  },
};

const DEMAND_EN: DemandWords = {
  shop: {
    deliver_or_refund: (sum) => `I have paid: please deliver now or refund the full payment${sum}.`,
    refund: (sum) => `I have paid and the order cannot be filled: please refund the full payment${sum}.`,
    refund_extra: (sum) => `One purchase was charged more than once: please refund the extra charge${sum}.`,
    return_deducted: (sum) => `The payment failed, yet the money${sum} was taken: please check whether you received it and return it.`,
    confirm_payment: () => 'Please check whether you received this payment: if so, deliver now or refund it in full; if not, tell me.',
  },
  payment_platform: {
    deliver_or_refund: (sum) => `I have paid and the merchant has not delivered: please help me have it deliver now or refund the full payment${sum}.`,
    refund: (sum) => `I have paid and the order cannot be filled: please help me have the merchant refund the full payment${sum}.`,
    refund_extra: (sum) => `One purchase was charged more than once: please help me get the extra charge${sum} back.`,
    return_deducted: (sum) => `The payment failed, yet the money${sum} was taken: please investigate and return the money to the account it came from.`,
    confirm_payment: () => 'Please help me find out whether the merchant received this payment.',
  },
  '12315': {
    deliver_or_refund: (sum) => `The merchant should deliver now or refund the full payment${sum}.`,
    refund: (sum) => `The merchant should refund the full payment${sum}.`,
    refund_extra: (sum) => `The merchant should refund the extra charge${sum}.`,
    return_deducted: (sum) => `The money taken${sum} should be returned.`,
    confirm_payment: () => 'The merchant should confirm whether it received the payment, and deliver or refund.',
  },
};

const ZH: Phrases = {
  quote: (text) => `「${text}」`,
  money: (amount, currency) => (currency === null || currency === 'CNY' ? `${amount.toFixed(2)} 元` : `${amount.toFixed(2)} ${currency}`),
  time: (beijing) => `${beijing}（北京时间）`,
  list: (items) => items.join('、'),
  kind: (kind) => KIND_ZH[kind as CaptureKind] ?? '记录',
  reason: (code) => reasonIn(REASON_ZH, code) ?? '付款过程中页面报错',
  orderFacts: ({ orderId, money, orderedAt, status }) =>
    [
      orderId ? `订单号 ${orderId}` : '订单号（页面未显示）',
      money ? `金额 ${money}` : null,
      orderedAt ? `下单时间 ${orderedAt}` : null,
      status ? `当前状态「${status}」` : null,
    ]
      .filter(Boolean)
      .join('，'),
  timelineLine: (at, kind, message, status, note) =>
    `${at} ${kind}${message ? `：「${message}」` : ''}${status ? `（状态「${status}」）` : ''}${note ? `，${note}` : ''}`,
  timelineHeading: '经过如下（北京时间）：',
  whatHappened: (reason) => `问题：${reason}。`,
  refundPromise: (text, at, id) => `贵店页面承诺「${text}」（${at} 截取，证据编号 ${id}），请按承诺处理。`,
  flaggedClauses: (texts, at, id, laws) =>
    `贵店条款写有${texts.map((text) => `「${text}」`).join('')}（${at} 截取，证据编号 ${id}）；排除或限制消费者权利的格式条款依${laws.map((law) => LAW_ZH[law]).join('、')}无效。`,
  demand: (demand, money, to) => {
    const sum = money ? ` ${money}` : '';
    return DEMAND_ZH[to][demand](sum);
  },
  paymentRecords: (records) => `扣款记录：${records.join('；')}。`,
  paymentRecord: (orderId, money, at, id) => `${orderId ? `订单号 ${orderId}` : '订单号未显示'}${money ? ` ${money}` : ''}，${at} 记录（证据编号 ${id}）`,
  supportGreeting: (site) => `您好，我在贵店（${site}）的订单出现问题：`,
  supportDeadline: (hours, deadline, escalate) =>
    `请在 ${hours} 小时内（北京时间 ${deadline} 前）处理并答复。${escalate ? '逾期未处理，我将向支付平台和 12315 投诉。' : ''}`,
  stalledFor: (hours) => `已过 ${hours} 小时仍未发货`,
  evidenceKept: '以上每条记录都有带时间的截图和可校验哈希值的证据包，可随时提供。',
  supportContacted: (at) => `我已于 ${at} 联系商家客服要求处理，至今未获解决。`,
  merchant: (name, site) => `商户${name ? `「${name}」（${site}）` : ` ${site} `}，`,
};

const EN: Phrases = {
  quote: (text) => `“${text}”`,
  money: (amount, currency) => `${currency ?? 'CNY'} ${amount.toFixed(2)}`,
  time: (beijing) => `${beijing} (UTC+8)`,
  list: (items) => items.join(', '),
  kind: (kind) => KIND_EN[kind as CaptureKind] ?? 'record',
  reason: (code) => reasonIn(REASON_EN, code) ?? 'the payment page showed an error',
  orderFacts: ({ orderId, money, orderedAt, status }) =>
    [
      orderId ? `order ${orderId}` : 'order (number not shown)',
      money,
      orderedAt ? `placed ${orderedAt}` : null,
      status ? `status “${status}”` : null,
    ]
      .filter(Boolean)
      .join(', '),
  timelineLine: (at, kind, message, status, note) =>
    `${at} ${kind}${message ? `: “${message}”` : ''}${status ? ` (status “${status}”)` : ''}${note ? `, ${note}` : ''}`,
  timelineHeading: 'What happened (Beijing time, UTC+8):',
  whatHappened: (reason) => `Problem: ${reason}.`,
  refundPromise: (text, at, id) => `Your page promised “${text}” (captured ${at}, capture ${id}); please keep it.`,
  flaggedClauses: (texts, at, id, laws) =>
    `Your terms say ${texts.map((text) => `“${text}”`).join(' and ')} (captured ${at}, capture ${id}); such terms are void under ${laws.map((law) => LAW_EN[law]).join(' and ')}.`,
  demand: (demand, money, to) => {
    const sum = money ? ` of ${money}` : '';
    return DEMAND_EN[to][demand](sum);
  },
  paymentRecords: (records) => `Payment records: ${records.join('; ')}.`,
  paymentRecord: (orderId, money, at, id) => `${orderId ? `order ${orderId}` : 'order number not shown'}${money ? ` ${money}` : ''}, recorded ${at} (capture ${id})`,
  supportGreeting: (site) => `Hello, I have a problem with my order at your shop (${site}): `,
  supportDeadline: (hours, deadline, escalate) =>
    `Please resolve this and reply within ${hours} hours (by ${deadline} UTC+8).${escalate ? ' Otherwise I will complain to the payment platform and to 12315, the consumer authority.' : ''}`,
  stalledFor: (hours) => `not delivered ${hours} hours after the order`,
  evidenceKept: 'Every record above is backed by a timestamped screenshot in an evidence bundle with verifiable hashes, available on request.',
  supportContacted: (at) => `I contacted the shop's support on ${at} and the problem is still not resolved.`,
  merchant: (name, site) => `Merchant ${name ? `“${name}” (${site})` : site}: `,
};

export function phrases(language: DraftLanguage): Phrases {
  return language === 'zh' ? ZH : EN;
}
