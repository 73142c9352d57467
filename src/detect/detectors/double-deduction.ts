import type { Detector, Finding, PageView } from '../detector';
import { tableRows, type TableRow } from '../table-rows';

// A purchase-records page or balance log that itself shows two deductions for one order: the
// shopper was charged twice for one purchase, and the page that says so is the shop's own
// ledger, so the shop answers for it. Two separate orders the shopper placed are not this.
//
// Rows come in two shapes. A text line, as a balance log printed in one block:
//   "2026-11-28 10:02:11  购买扣款  订单号：AB12CD34EF56  -10.00  余额：40.00"
// or a table row, cell by cell (acg-faka 我的账单 "¥30.00 | ¥12.40 | 支出 | 余额 | 商品下单[…]",
// 卡盟 收支明细 "消费 | -30.00 | 购买 …（订单号：…）", an English "Billing history" row
// "Order #1038 · … | ch_… | $15.99 | Paid", an order's 支付记录 "支付宝 | ￥30.00 | 交易号 | 支付成功").
// A table row is a charge when it says so in a short type/status cell or shows a negative amount;
// two charges of the same amount tied to the same order make the finding. A payment table with no
// order column on a page about one order (an order detail's 支付记录) is about that order.

const ROW_ORDER = /(?:订单号?|订单编号|单号|order(?:\s*(?:no\.?|id|number))?)\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9_-]{5,63})/i;
// "Order #1038": a hash marks a short shop order number.
const HASH_ORDER = /order\s*#\s*([A-Za-z0-9][A-Za-z0-9_-]{2,63})/i;
// acg-faka writes its ledger entries as 商品下单[trade number].
const BRACKET_ORDER = /(?:下单|购买|订单)\s*[[【(（]\s*([A-Za-z0-9][A-Za-z0-9_-]{5,63})\s*[\]】)）]/;
const DEDUCTION_WORD = /(扣款|扣费|扣除|消费|购买|支付|deduct|charge|payment|purchase)/i;
const NEGATIVE_AMOUNT = /(?:^|\s)[-−]\s*[¥￥$]?\s*(\d{1,9}(?:\.\d{1,2})?)/;
const QUOTING = new Set(['article', 'notice', 'nav', 'footer']);

// A short cell that names the row a charge: ledger type or payment status.
const CHARGE_LABEL = /^(支出|消费|扣款|扣费|购买|下单|已支付|已付款|支付成功|付款成功|扣款成功|交易成功|成功|paid|succeeded|successful|success|charged|debit|purchase)$/i;
// A short cell that names the row anything else: money in, money back, a payment that did not go through.
const OTHER_LABEL = /(收入|充值|退款|退回|返还|失败|取消|关闭|未支付|待支付|未付款|income|credit|top.?up|recharge|refund|reversed|fail|declin|cancel|pending|unpaid|void)/i;
const SHORT_CELL = 8;
const AMOUNT_HEADER = /(金额|amount|money|price|total|支出|扣款)/i;
const BALANCE_HEADER = /(余额|balance)/i;
const MONEY = /([-−+]?)\s*(?:[¥￥$]|US\$|CNY|USD|USDT)?\s*(\d{1,9}(?:\.\d{1,2})?)/i;
const ORDER_HEADER = /^(订单号?|订单编号|单号|order(?:\s*(?:#|no\.?|id|number))?)$/i;
// Headers that show a table lists orders or goods: its rows are not one order's payments.
const LISTS_ORDERS = /(订单|商品|详情|交易信息|说明|备注|order|product|item|description|details)/i;

interface Charge {
  orderId: string | null;
  amount: string | null;
  line: string;
}

export const doubleDeduction: Detector = {
  id: 'double-deduction',
  detect(page) {
    return pairOf(lineCharges(page)) ?? pairOf(tableCharges(page));
  },
  fixtures: [
    'acg-faka/bill-duplicate-charge',
    'english-shop/billing-history-duplicate-charge',
    'kameng/order-detail-paid-twice',
    'kameng/record-duplicate-deduction',
  ],
};

function lineCharges({ snapshot }: PageView): Charge[] {
  const charges: Charge[] = [];
  for (const block of snapshot.blocks) {
    if (block.hints.some((hint) => QUOTING.has(hint))) continue;
    for (const raw of block.text.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line.length > 200 || !DEDUCTION_WORD.test(line)) continue;
      const orderId = ROW_ORDER.exec(line)?.[1];
      const amount = NEGATIVE_AMOUNT.exec(line)?.[1];
      if (!orderId || !/\d/.test(orderId) || !amount) continue;
      charges.push({ orderId, amount, line });
    }
  }
  return charges;
}

function tableCharges({ snapshot, facts }: PageView): Charge[] {
  const rows = tableRows(snapshot.blocks.filter((block) => !block.hints.some((hint) => QUOTING.has(hint))));
  const charges: Charge[] = [];
  for (const row of rows) {
    const labels = row.cells.filter((cell) => cell.length <= SHORT_CELL);
    const amount = rowAmount(row);
    if (!amount || amount.sign === '+' || labels.some((cell) => OTHER_LABEL.test(cell))) continue;
    if (amount.sign === '' && !labels.some((cell) => CHARGE_LABEL.test(cell))) continue;
    const orderId = rowOrderId(row) ?? (row.headers.some((header) => LISTS_ORDERS.test(header)) ? undefined : facts.orderId);
    if (!orderId) continue;
    charges.push({ orderId, amount: amount.value, line: row.cells.join(' | ') });
  }
  return charges;
}

function rowAmount(row: TableRow): { sign: string; value: string } | null {
  const column = row.headers.findIndex((header) => AMOUNT_HEADER.test(header) && !BALANCE_HEADER.test(header));
  const cells = column >= 0 ? [row.cells[column]!] : row.cells.filter((cell) => /[¥￥$]|元|^[-−+]?\d+\.\d{2}$/.test(cell));
  const money = cells.length > 0 ? MONEY.exec(cells[0]!) : null;
  if (!money) return null;
  return { sign: money[1] === '−' ? '-' : money[1]!, value: Number(money[2]).toFixed(2) };
}

function rowOrderId(row: TableRow): string | null {
  const column = row.headers.findIndex((header) => ORDER_HEADER.test(header));
  if (column >= 0 && /\d/.test(row.cells[column]!)) return row.cells[column]!.replace(/^#/, '');
  for (const cell of row.cells) {
    const id = (BRACKET_ORDER.exec(cell) ?? ROW_ORDER.exec(cell) ?? HASH_ORDER.exec(cell))?.[1];
    if (id && /\d/.test(id)) return id;
  }
  return null;
}

/** The first order with two charges of one amount. */
function pairOf(charges: readonly Charge[]): Finding | null {
  const byOrder = new Map<string, Charge[]>();
  for (const charge of charges) {
    const key = `${charge.orderId}\u0000${charge.amount}`;
    byOrder.set(key, [...(byOrder.get(key) ?? []), charge]);
  }
  for (const same of byOrder.values()) {
    if (same.length < 2) continue;
    return {
      kind: 'duplicate_charge',
      responsibility: 'platform',
      reasonCode: 'charged_twice_one_order',
      message: same.slice(0, 3).map((charge) => charge.line).join(' | '),
      orderId: same[0]!.orderId ?? undefined,
    };
  }
  return null;
}
