// The bench's verdicts: one row per measured goal (or informational figure), printed as a text
// table and written as Markdown for the README. A goal is never adjusted here: a row whose value
// misses it says "miss".

export interface ResultRow {
  metric: string;
  goal: string;
  measured: string;
  baseline: string;
  ratio: string;
  result: 'pass' | 'miss' | 'info';
}

export function verdict(pass: boolean | null): ResultRow['result'] {
  return pass === null ? 'info' : pass ? 'pass' : 'miss';
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const times = (value: number) => (Number.isFinite(value) && value > 0 ? `${value.toFixed(2)}×` : 'n/a');

const HEADERS = ['metric', 'goal', 'measured', 'baseline', 'ratio', 'result'] as const;

function cells(row: ResultRow): string[] {
  return [row.metric, row.goal, row.measured, row.baseline, row.ratio, row.result];
}

export function textTable(rows: readonly ResultRow[]): string {
  const all = [[...HEADERS], ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...all.map((line) => displayWidth(line[column]!))));
  return all
    .map((line, index) => {
      const text = line.map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell))).join('  ');
      return index === 0 ? `${text}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : text;
    })
    .join('\n');
}

export function markdownTable(rows: readonly ResultRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
