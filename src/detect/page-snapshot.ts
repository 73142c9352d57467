// What the content script reads from a page: only visible, non-editable text, grouped by block,
// with hints about where each block sits (an alert, a dialog, an article …). Pure data, JSON-safe.

export type BlockHint =
  | 'alert'
  | 'dialog'
  | 'toast'
  | 'heading'
  | 'article'
  | 'notice'
  | 'form'
  | 'readonly'
  | 'table'
  | 'nav'
  | 'footer';

export interface TextBlock {
  text: string;
  tag: string;
  hints: BlockHint[];
}

export interface PageSnapshot {
  url: string;
  title: string;
  lang: string;
  blocks: TextBlock[];
  /** ISO-8601 with offset: when the page was read (the clock for stall rules). */
  seenAt: string;
  /** True when the page held more text than the reader's cap. */
  truncated: boolean;
  viewport: { width: number; height: number; devicePixelRatio: number } | null;
}

export function snapshotText(snapshot: Pick<PageSnapshot, 'blocks'>): string {
  return snapshot.blocks.map((block) => block.text).join('\n');
}
