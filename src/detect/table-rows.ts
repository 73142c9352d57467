import type { TextBlock } from './page-snapshot';

// The reader gives every table cell its own block (td/th are block elements, and so are the div
// cells of a grid component), so a row of a ledger or order list arrives as a run of cell blocks.
// A header row — <th> cells, or a run of at least three cells that are all column names
// (订单号 / 商品 / 金额 / 状态 / 下单时间 / 操作 …) — says how wide a row is: the cells after it are
// cut into rows of that width. A table without a header cannot be cut safely and yields no rows.

export interface TableRow {
  headers: readonly string[];
  cells: readonly string[];
}

const COLUMN_NAME =
  /^(?:订单号?|订单编号|订单号码|单号|订单ID|交易号|流水号|商品(?:名称)?|名称|宝贝|卡密|金额|价格|单价|总价|实付(?:金额)?|支付金额|订单金额|付款金额|变动金额|余额|数量|状态|订单状态|支付状态|发货状态|类型|变动类型|说明|详情|备注|下单时间|创建时间|购买时间|支付时间|交易时间|时间|日期|支付方式|付款方式|支付渠道|联系方式|操作|order(?:\s*(?:#|no\.?|id|number))?|product|item|description|amount|total|price|qty|quantity|status|type|date|created(?: at)?|placed(?: on)?|time|action|actions|payment(?: method)?|balance|details?)$/i;
const MIN_NAMED_HEADERS = 3;

const isCell = (block: TextBlock) => block.hints.includes('table');

export function tableRows(blocks: readonly TextBlock[]): TableRow[] {
  const rows: TableRow[] = [];
  let i = 0;
  while (i < blocks.length) {
    const headers = headerAt(blocks, i);
    if (!headers) {
      i++;
      continue;
    }
    i += headers.length;
    let cells: string[] = [];
    while (i < blocks.length && isCell(blocks[i]!) && blocks[i]!.tag !== 'th' && !startsSameHeader(blocks, i, headers)) {
      cells.push(oneLine(blocks[i++]!.text));
      if (cells.length === headers.length) {
        rows.push({ headers, cells });
        cells = [];
      }
    }
  }
  return rows;
}

/** The header row starting at `i`, if one does. */
function headerAt(blocks: readonly TextBlock[], i: number): string[] | null {
  if (blocks[i]!.tag === 'th') {
    const headers: string[] = [];
    for (let j = i; j < blocks.length && blocks[j]!.tag === 'th'; j++) headers.push(oneLine(blocks[j]!.text));
    return headers;
  }
  if (!isCell(blocks[i]!)) return null;
  const headers: string[] = [];
  for (let j = i; j < blocks.length && isCell(blocks[j]!) && COLUMN_NAME.test(oneLine(blocks[j]!.text)); j++) headers.push(oneLine(blocks[j]!.text));
  return headers.length >= MIN_NAMED_HEADERS ? headers : null;
}

function startsSameHeader(blocks: readonly TextBlock[], i: number, headers: readonly string[]): boolean {
  return headers.every((header, k) => oneLine(blocks[i + k]?.text ?? '') === header) && headers.length > 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
