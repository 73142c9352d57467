import type { PageSnapshot, SurfaceMark, TextBlock } from './page-snapshot';
import { snapshotText } from './page-snapshot';
import { CONTROL_LINE } from './failure-words';
import { isTalkedAbout } from './decisive-text';

// What a page is saying to the shopper right now, as candidate messages for the tables: every
// message surface that is showing words (an error shell, a toast, a dialog — see surfaces/), then
// the page's own short lines outside announcements, articles, navigation and footers. Lines that
// talk about a message (如遇…, a quoted phrase, a FAQ item, a question) are not messages.

export interface ShownMessage {
  text: string;
  surface: SurfaceMark | null;
  /** In a surface, or in a block the page raises (alert / toast / dialog / read-only field / a short result page's heading). */
  raised: boolean;
}

const QUOTING_CONTEXT = new Set(['article', 'notice', 'nav', 'footer']);
const RAISED_HINTS = new Set(['alert', 'toast', 'dialog', 'readonly']);
/** A "surface" holding more words than this is a container (a modal of terms, a whole page), not one message. */
const MAX_SURFACE_CHARS = { error: 800, other: 360 };
const MAX_PLAIN_LINE = 160;
const RESULT_PAGE_MAX_CHARS = 600;
const SILENT_TONES = new Set(['success', 'busy']);

const MESSAGE_CHARS = 300;
const memo = new WeakMap<object, ShownMessage[]>();

/** shownMessages, once per snapshot: several detectors ask. */
export function pageMessages(snapshot: Pick<PageSnapshot, 'blocks'>): ShownMessage[] {
  let messages = memo.get(snapshot);
  if (!messages) memo.set(snapshot, (messages = shownMessages(snapshot)));
  return messages;
}

/** A message as a capture keeps it: one line, capped. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').slice(0, MESSAGE_CHARS);
}

export function shownMessages(snapshot: Pick<PageSnapshot, 'blocks'>): ShownMessage[] {
  const surfaces = new Map<number, { mark: SurfaceMark; blocks: TextBlock[] }>();
  for (const block of snapshot.blocks) {
    if (!block.surface) continue;
    const group = surfaces.get(block.surface.n) ?? { mark: block.surface, blocks: [] };
    group.blocks.push(block);
    surfaces.set(block.surface.n, group);
  }
  const messages: ShownMessage[] = [];
  const containers = new Set<number>();
  for (const [n, { mark, blocks }] of surfaces) {
    if (SILENT_TONES.has(mark.tone)) continue;
    if (blocks.some((block) => block.hints.some((hint) => QUOTING_CONTEXT.has(hint)) && mark.tone !== 'error')) {
      containers.add(n);
      continue;
    }
    const lines = blocks.flatMap((block) => linesOf(block)).filter((line) => !CONTROL_LINE.test(line));
    const text = lines.filter((line) => !isTalkedAbout(line)).join('\n');
    const limit = mark.tone === 'error' ? MAX_SURFACE_CHARS.error : MAX_SURFACE_CHARS.other;
    if (lines.join('\n').length > limit) {
      containers.add(n);
      continue;
    }
    if (text) messages.push({ text, surface: mark, raised: true });
  }
  // Errors first: a page showing an error shell and a tip beside it is first of all an error.
  messages.sort((a, b) => toneRank(a.surface) - toneRank(b.surface));

  const shortPage = snapshotText(snapshot).length <= RESULT_PAGE_MAX_CHARS;
  for (const block of snapshot.blocks) {
    if (block.surface && !containers.has(block.surface.n)) continue;
    if (block.hints.some((hint) => QUOTING_CONTEXT.has(hint))) continue;
    const raised = block.hints.some((hint) => RAISED_HINTS.has(hint)) || (shortPage && block.hints.includes('heading'));
    for (const line of linesOf(block)) {
      if (line.length > MAX_PLAIN_LINE || isTalkedAbout(line)) continue;
      messages.push({ text: line, surface: null, raised });
    }
  }
  return messages;
}

function linesOf(block: TextBlock): string[] {
  return block.text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function toneRank(mark: SurfaceMark | null): number {
  if (!mark) return 3;
  return mark.tone === 'error' ? 0 : mark.tone === 'warning' || mark.tone === 'message' ? 1 : 2;
}
