import type { Detector } from '../detector';

// A purchase-records page or balance log that itself shows two deductions for one order: the
// shopper was charged twice for one purchase, and the page that says so is the shop's own
// ledger, so the shop answers for it. Rows look like
//   "2026-11-28 10:02:11  购买扣款  订单号：AB12CD34EF56  -10.00  余额：40.00"

const ROW_ORDER = /(?:订单号?|订单编号|单号|order(?:\s*(?:no\.?|id|number))?)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9_-]{5,63})/i;
const DEDUCTION_WORD = /(扣款|扣费|扣除|消费|购买|支付|deduct|charge|payment|purchase)/i;
const NEGATIVE_AMOUNT = /(?:^|\s)[-−]\s*[¥￥]?\s*(\d{1,9}(?:\.\d{1,2})?)/;
const QUOTING = new Set(['article', 'notice', 'nav', 'footer']);

export const doubleDeduction: Detector = {
  id: 'double-deduction',
  detect({ snapshot }) {
    const rows = new Map<string, string[]>();
    for (const block of snapshot.blocks) {
      if (block.hints.some((hint) => QUOTING.has(hint))) continue;
      for (const raw of block.text.split('\n')) {
        const line = raw.replace(/\s+/g, ' ').trim();
        if (line.length > 200 || !DEDUCTION_WORD.test(line)) continue;
        const orderId = ROW_ORDER.exec(line)?.[1];
        if (!orderId || !/\d/.test(orderId) || !NEGATIVE_AMOUNT.test(line)) continue;
        rows.set(orderId, [...(rows.get(orderId) ?? []), line]);
      }
    }
    for (const [orderId, lines] of rows) {
      if (lines.length < 2) continue;
      return {
        kind: 'duplicate_charge',
        responsibility: 'platform',
        reasonCode: 'charged_twice_one_order',
        message: lines.slice(0, 3).join(' | '),
        orderId,
      };
    }
    return null;
  },
};
