import type { TextBlock } from './page-snapshot';

// The reader gives every table cell its own block (td/th are block elements), so a row of a
// ledger or payment list arrives as a run of cell blocks. Where a table has a header row, the
// number of <th> cells says how wide a row is: the <td> cells after it are cut into rows of that
// width. A table without headers cannot be cut safely and yields no rows.

export interface TableRow {
  headers: readonly string[];
  cells: readonly string[];
}

const isCell = (block: TextBlock) => block.hints.includes('table') && block.tag !== 'th';

export function tableRows(blocks: readonly TextBlock[]): TableRow[] {
  const rows: TableRow[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]!.tag !== 'th') {
      i++;
      continue;
    }
    const headers: string[] = [];
    while (i < blocks.length && blocks[i]!.tag === 'th') headers.push(oneLine(blocks[i++]!.text));
    let cells: string[] = [];
    while (i < blocks.length && isCell(blocks[i]!)) {
      cells.push(oneLine(blocks[i++]!.text));
      if (cells.length === headers.length) {
        rows.push({ headers, cells });
        cells = [];
      }
    }
  }
  return rows;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
