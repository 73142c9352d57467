import type { TextBlock } from '../page-snapshot';
import { toSimplified } from '../text/traditional-to-simplified';
import { orderState } from './order-status';

// Shops print facts as "label：value" on one line or as a label cell followed by a value cell.

export type FactName = 'orderId' | 'amount' | 'status' | 'createdAt';

export const FACT_LABELS: Record<FactName, RegExp> = {
  orderId: /^(当前订单号|订单号|订单编号|订单号码|商户订单号|关联单号|关联订单号?|订单ID|订单SN|交易号|交易单号|Order\s*(?:number|No\.?|ID|SN)|Order#|Invoice(?:\s*(?:ID|No\.?|number|#))?)/i,
  amount: /^(订单金额|订单总价|实际支付价格|实付金额|支付金额|应付金额|付款金额|商品总价|订单总额|总价|金额|Order\s*total|Total|Amount)/i,
  status: /^(订单状态|支付状态|发货状态|Order\s*status|Delivery\s*status|Status|状态)/i,
  createdAt: /^(创建时间|下单时间|订单时间|订单创建时间|创建日期|购买时间|建立时间|订购时间|下单日期|Created(?:\s*at)?|Date\s*created|Order\s*(?:time|date)|Placed\s*on|Date)/i,
};

const SEPARATOR = /^\s*[:：]?\s*/;
// A paid order's delivery state says more than its payment state (acg-faka prints both).
const DELIVERY_STATUS = /^(发货状态|Delivery\s*status)/i;

export function labelledValues(blocks: readonly TextBlock[]): Partial<Record<FactName, string>> {
  const lines = blocks
    .filter((block) => block.tag !== 'th' && !block.hints.includes('article') && !block.hints.includes('notice'))
    .flatMap((block) => block.text.split('\n'))
    .map((line) => line.trim())
    .filter(Boolean);
  const found: Partial<Record<FactName, string>> = {};
  lines.forEach((line, index) => {
    for (const name of Object.keys(FACT_LABELS) as FactName[]) {
      if (found[name] !== undefined && !(name === 'status' && DELIVERY_STATUS.test(toSimplified(line)))) continue;
      // Labels are matched on the Simplified form (訂單編號 → 订单编号); the value is kept verbatim.
      const label = FACT_LABELS[name].exec(toSimplified(line));
      if (!label) continue;
      const rest = line.slice(label[0].length);
      // "订单金额¥26.80" (acg-faka) runs the value into the label; a letter or CJK char there means
      // the label was only the start of a longer word ("Totally", "订单号码查询").
      if (rest && !/^\s*[:：]/.test(rest) && !/^\s/.test(rest) && !runsIntoValue(name, rest)) continue;
      const value = rest.replace(SEPARATOR, '').trim() || (lines[index + 1] ?? '').trim();
      if (value && value.length <= 80 && !isLabel(value)) found[name] = value;
    }
  });
  return found;
}

/**
 * Templates that print label and value with no separator ("订单号640261127214302781",
 * "下单时间2026-11-27 21:43:02", "支付状态已支付"): the value is recognisably one of its kind.
 */
function runsIntoValue(name: FactName, rest: string): boolean {
  if (name === 'amount') return /^[¥￥$\d]/.test(rest);
  if (name === 'orderId') return /^#?[A-Za-z]{0,6}\d{6,}/.test(rest);
  if (name === 'createdAt') return /^\d{4}[-/.年]/.test(rest);
  return orderState(rest.trim()) !== null;
}

function isLabel(text: string): boolean {
  const folded = toSimplified(text);
  return Object.values(FACT_LABELS).some((label) => label.test(folded) && folded.replace(label, '').trim().length <= 1);
}
