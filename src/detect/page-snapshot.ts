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

/**
 * How a message surface presents what it shows (src/detect/surfaces): an error component or page,
 * a warning, a neutral message component whose words must say what it is (a layer.msg without an
 * icon, a dialog), or something that is not a failure (success, info, a loading spinner).
 */
export type SurfaceTone = 'error' | 'warning' | 'message' | 'info' | 'success' | 'busy';

/** The message surface a block was read from: which catalogue entry, and which instance on the page. */
export interface SurfaceMark {
  id: string;
  tone: SurfaceTone;
  /** Blocks of one surface element share the number (a dialog's title and its text). */
  n: number;
}

export interface TextBlock {
  text: string;
  tag: string;
  hints: BlockHint[];
  surface?: SurfaceMark;
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
  /** A message surface was still animating in when the page was read: read it again shortly. */
  settling?: boolean;
}

export function snapshotText(snapshot: Pick<PageSnapshot, 'blocks'>): string {
  return snapshot.blocks.map((block) => block.text).join('\n');
}
