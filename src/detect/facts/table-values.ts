import type { TextBlock } from '../page-snapshot';
import { FACT_LABELS, type FactName } from './labelled-values';

// Order lists (kameng 订单查询, zfaka 支付订单, English "My Orders") print facts as a header row of
// <th> cells and rows of <td> cells. The reader keeps cells in document order, so the first data
// row is the run of <td> cells right after the headers, one per column.

export function tableValues(blocks: readonly TextBlock[]): Partial<Record<FactName, string>> {
  const found: Partial<Record<FactName, string>> = {};
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.tag !== 'th') continue;
    const headers: string[] = [];
    while (i < blocks.length && blocks[i]!.tag === 'th') headers.push(blocks[i++]!.text.trim());
    const cells: string[] = [];
    while (i < blocks.length && blocks[i]!.tag === 'td' && cells.length < headers.length) cells.push(blocks[i++]!.text.trim());
    if (cells.length < headers.length) continue;
    headers.forEach((header, column) => {
      const name = columnFact(header);
      if (name && found[name] === undefined && cells[column]) found[name] = cells[column];
    });
  }
  return found;
}

const COLUMN_ONLY: Partial<Record<FactName, RegExp>> = {
  orderId: /^(订单ID|订单|Order|Order\s*#)$/i,
  createdAt: /^(购买时间|Placed|Placed\s*on)$/i,
};

function columnFact(header: string): FactName | null {
  for (const name of Object.keys(FACT_LABELS) as FactName[]) {
    const label = FACT_LABELS[name].exec(header);
    if (label && header.slice(label[0].length).trim().length <= 1) return name;
    if (COLUMN_ONLY[name]?.test(header)) return name;
  }
  return null;
}
