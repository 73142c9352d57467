import type { PageSnapshot, TextBlock } from '../detect/page-snapshot';

// A page's reading after its first goes to the worker as what changed: the blocks kept from the
// start and from the end of the reading sent before it, and the new ones in between (a feed adds
// items in one place, a countdown changes one block). Serialising the whole reading again at every
// change was most of a read's cost on a long page; the worker keeps the reading it was sent last
// and puts the new one together. Pure: the reader makes changes, the worker applies them.

export interface ReadingChange {
  /** The number of the reading this one changes: the one the same document sent just before. */
  base: number;
  /** The new reading without its blocks. */
  head: Omit<PageSnapshot, 'blocks'>;
  /** How many blocks of the base reading stay at its start, and at its end. */
  keepStart: number;
  keepEnd: number;
  /** The blocks in between, new. */
  blocks: TextBlock[];
}

/**
 * What changed from `before` to `after`; null when most of the reading changed (the whole one is
 * as cheap to send, and a worker that lost the base needs no second try).
 */
export function readingChange(before: PageSnapshot, after: PageSnapshot, base: number): ReadingChange | null {
  const a = before.blocks;
  const b = after.blocks;
  const most = Math.min(a.length, b.length);
  let keepStart = 0;
  while (keepStart < most && sameBlock(a[keepStart]!, b[keepStart]!)) keepStart++;
  let keepEnd = 0;
  while (keepEnd < most - keepStart && sameBlock(a[a.length - 1 - keepEnd]!, b[b.length - 1 - keepEnd]!)) keepEnd++;
  const blocks = b.slice(keepStart, b.length - keepEnd);
  if (blocks.length > b.length / 2) return null;
  const { blocks: _whole, ...head } = after;
  return { base, head, keepStart, keepEnd, blocks };
}

/** The reading `change` describes, or null when it does not fit `before` (not the reading it was made from). */
export function applyReadingChange(before: PageSnapshot, change: ReadingChange): PageSnapshot | null {
  const { keepStart, keepEnd } = change;
  if (!Number.isInteger(keepStart) || !Number.isInteger(keepEnd) || keepStart < 0 || keepEnd < 0) return null;
  if (keepStart + keepEnd > before.blocks.length) return null;
  const blocks = [...before.blocks.slice(0, keepStart), ...change.blocks, ...before.blocks.slice(before.blocks.length - keepEnd)];
  return { ...change.head, blocks };
}

export function sameBlock(x: TextBlock, y: TextBlock): boolean {
  // The reader gives a block that says the same as last time as the same object.
  if (x === y) return true;
  if (x.text !== y.text || x.tag !== y.tag || x.row !== y.row || x.cell !== y.cell) return false;
  if (x.surface?.id !== y.surface?.id || x.surface?.n !== y.surface?.n || x.surface?.tone !== y.surface?.tone) return false;
  return x.hints.length === y.hints.length && x.hints.every((hint, j) => hint === y.hints[j]);
}
