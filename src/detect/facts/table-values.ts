import type { TextBlock } from '../page-snapshot';
import { tableRows } from '../table-rows';
import { toSimplified } from '../text/traditional-to-simplified';
import { FACT_LABELS, type FactName } from './labelled-values';

// Order lists (kameng 订单查询, zfaka 支付订单, English "My Orders") print facts as a header row
// and rows of cells; the first row's cells, under the columns that name a fact, are the page's
// facts (page-orders.ts reads every row).

export function tableValues(blocks: readonly TextBlock[]): Partial<Record<FactName, string>> {
  const found: Partial<Record<FactName, string>> = {};
  for (const row of tableRows(blocks)) {
    row.headers.forEach((header, column) => {
      const name = columnFact(header);
      if (name && found[name] === undefined && row.cells[column]) found[name] = row.cells[column];
    });
  }
  return found;
}

const COLUMN_ONLY: Partial<Record<FactName, RegExp>> = {
  orderId: /^(订单ID|订单|Order|Order\s*#)$/i,
  createdAt: /^(购买时间|交易时间|时间|日期|Placed|Placed\s*on|Date|Time)$/i,
};

/** Which fact a table column holds, by its header (订单号 / Order / 金额 / Placed …). */
export function columnFact(shown: string): FactName | null {
  const header = toSimplified(shown);
  for (const name of Object.keys(FACT_LABELS) as FactName[]) {
    const label = FACT_LABELS[name].exec(header);
    if (label && header.slice(label[0].length).trim().length <= 1) return name;
    if (COLUMN_ONLY[name]?.test(header)) return name;
  }
  return null;
}
