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
// "当前商品库存不足，请联系客服！": a sentence that tells the shopper what to do is a message the page
// raises, wherever it is printed; a label ("库存不足" beside a product) tells nothing.
const ADVISED = /[，,。！!；;].*(请|麻烦|please|contact)|(请联系|请稍后|请重新|请更换|联系客服|please contact|please try)/i;
/** A surface whose words are a table's cells is a container (query results in a modal). */
const MAX_SURFACE_CELLS = 6;
// A popup headed 公告 / 通知 / "Announcement", or speaking of what will happen (将于…), is news about
// the shop, not a failure of this payment — unless the page raises it as an error.
const ANNOUNCEMENT = /(公告|通知|通告|announcement|notice|维护计划|升级计划)|(将于|将在|届时|预计|计划于)/i;

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

/**
 * A gateway or API answering the browser with JSON ({"code":-1,"msg":"监控端状态异常"}) shows that
 * JSON as the page: its message field is the message, and a failing code or status makes it an
 * error. No stylesheet marks this surface, so it is recognised here rather than in surfaces/.
 */
const JSON_MESSAGE_KEYS = ['msg', 'message', 'errmsg', 'err_msg', 'error_msg', 'errorMessage', 'error_description', 'sub_msg', 'return_msg', 'error', 'info'];
const JSON_OK_CODES = new Set(['0', '1', '200', 'success', 'ok', 'true']);

function jsonResponse(snapshot: Pick<PageSnapshot, 'blocks'>): ShownMessage | null {
  const text = snapshot.blocks.map((block) => block.text).join('').trim();
  if (!text.startsWith('{') || !text.endsWith('}') || text.length > 4_000) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === 'object' && record.error ? (record.error as Record<string, unknown>) : null;
  const key = JSON_MESSAGE_KEYS.find((name) => typeof (nested ?? record)[name] === 'string' && String((nested ?? record)[name]).trim());
  if (!key) return null;
  const code = record.code ?? record.status ?? record.ret ?? record.errcode ?? record.return_code ?? record.success;
  const failing = nested !== null || record.success === false || (code !== undefined && !JSON_OK_CODES.has(String(code).toLowerCase()));
  return { text: String((nested ?? record)[key]).slice(0, 500), surface: { id: 'generic.json-response', tone: failing ? 'error' : 'message', n: 0 }, raised: true };
}

export function shownMessages(snapshot: Pick<PageSnapshot, 'blocks'>): ShownMessage[] {
  const json = jsonResponse(snapshot);
  if (json) return [json];
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
    if (mark.tone !== 'error' && ANNOUNCEMENT.test(lines.slice(0, 2).join('\n'))) {
      containers.add(n);
      continue;
    }
    const text = lines.filter((line) => mark.tone === 'error' || !isTalkedAbout(line, true)).join('\n');
    const limit = mark.tone === 'error' ? MAX_SURFACE_CHARS.error : MAX_SURFACE_CHARS.other;
    // An error shell may carry a long provider answer (a debug sign string): still one message, read in part.
    const long = mark.tone !== 'error' && lines.join('\n').length > limit;
    if (long || blocks.filter((block) => block.hints.includes('table')).length >= MAX_SURFACE_CELLS) {
      containers.add(n);
      continue;
    }
    if (text) messages.push({ text: text.slice(0, limit), surface: mark, raised: true });
  }
  // Errors first: a page showing an error shell and a tip beside it is first of all an error.
  messages.sort((a, b) => toneRank(a.surface) - toneRank(b.surface));

  const shortPage = snapshotText(snapshot).length <= RESULT_PAGE_MAX_CHARS;
  // A forum thread (发表于 … | 楼主, 沙发, 板凳) is people talking: its lines are not the page's messages.
  if (isForumThread(snapshot)) return messages;
  for (const block of snapshot.blocks) {
    if (block.surface && !containers.has(block.surface.n)) continue;
    // Column headings and the quiet parts of a page are not messages.
    if (block.tag === 'th' || block.hints.some((hint) => QUOTING_CONTEXT.has(hint))) continue;
    const raisedBlock = block.hints.some((hint) => RAISED_HINTS.has(hint)) || (shortPage && block.hints.includes('heading'));
    for (const line of linesOf(block)) {
      if (line.length > MAX_PLAIN_LINE || isTalkedAbout(line)) continue;
      messages.push({ text: line, surface: null, raised: raisedBlock || ADVISED.test(line) });
    }
  }
  return messages;
}

const FORUM_MARK = /(?:^|\s|\|)(?:发表于|楼主|沙发|板凳|地板|\d+\s*楼|#\d+楼|回复于|posted (?:on|by)|joined:)(?:\s|$|\d|\|)/i;

function isForumThread(snapshot: Pick<PageSnapshot, 'blocks'>): boolean {
  let marks = 0;
  for (const block of snapshot.blocks) for (const line of block.text.split('\n')) if (line.length <= 80 && FORUM_MARK.test(line) && ++marks >= 2) return true;
  return false;
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
