import { toSimplified } from '../text/traditional-to-simplified';

// Status labels of the shop systems we know (dujiaoka, acg-faka, zfaka, kamiFaka, epay, 卡盟) mapped
// to the few states the refund rules care about. The label itself is kept verbatim as evidence.
// dujiaoka hyper prints STATUS_PROCESSING as 已处理 (lang/zh_CN/hyper.php), so 已处理 is still open.
// English "Paid" is left out: on billing pages it is a charge's final state, not an open order.

export type OrderState =
  | 'awaiting_payment'
  | 'pending'
  | 'processing'
  | 'completed'
  | 'failed'
  | 'abnormal'
  | 'expired'
  | 'refunded'
  | 'cancelled';

const STATES: ReadonlyArray<[RegExp, OrderState]> = [
  [/^(待支付|未支付|等待支付|待付款|未付款|wait(ing)? ?(for )?pay(ment)?|unpaid|awaiting ?payment|pending ?payment)$/i, 'awaiting_payment'],
  [/^(待处理|等待处理|待发货|等待发货|未发货|pending)$/i, 'pending'],
  [/^(处理中|正在处理|已处理|发货中|已付款|已支付|支付成功|processing|in ?progress|on ?hold|waiting ?for ?shop ?action|awaiting ?shop ?action|awaiting ?fulfil?ment|awaiting ?delivery)$/i, 'processing'],
  [/^(已完成|已发货|交易成功|订单完成|完成|completed?|delivered|success(ful)?)$/i, 'completed'],
  [/^(失败|处理失败|发货失败|支付失败|failed|failure)$/i, 'failed'],
  [/^(异常|订单异常|abnormal)$/i, 'abnormal'],
  [/^(已过期|过期|已超时|订单已过期|expired)$/i, 'expired'],
  [/^(已退款|退款成功|已退单|refunded)/i, 'refunded'],
  [/^(已取消|已关闭|交易关闭|订单关闭|cancell?ed|closed)$/i, 'cancelled'],
];

export function orderState(label: string | null): OrderState | null {
  if (!label) return null;
  const clean = toSimplified(label).replace(/[\s【】\[\]()（）]/g, '');
  for (const [pattern, state] of STATES) if (pattern.test(clean)) return state;
  return null;
}

/** A bare status badge on a line of its own (acg-faka's 已付款, a card's "Delivered"), not a sentence that names a state. */
export function isStatusBadge(line: string): boolean {
  return line.length <= 12 && orderState(line) !== null;
}

/** States in which the shop still owes the shopper something and the clock is running. */
export function isOpenState(state: OrderState | null): boolean {
  return state === 'pending' || state === 'processing';
}
