import type { BlockHint, PageSnapshot, SurfaceTone, TextBlock } from '../detect/page-snapshot';
import type { DeleteCaptureRequest, PageReadRequest, SubmitSnapshotRequest } from './message-map';
import type { ReadingChange } from './reading-change';

// Runtime checks for what arrives from a content script: shape, types and size caps. A page's
// renderer is not trusted just because it speaks our message names.

const HINTS: ReadonlySet<BlockHint> = new Set([
  'alert', 'dialog', 'toast', 'heading', 'article', 'notice', 'form', 'readonly', 'table', 'colheader', 'nav', 'footer',
]);
const TONES: ReadonlySet<SurfaceTone> = new Set(['error', 'warning', 'message', 'info', 'success', 'busy']);
const MAX_BLOCKS = 5_000;
const MAX_BLOCK_CHARS = 2_000;
const MAX_TOTAL_CHARS = 250_000;
const MAX_LINKS = 30;
const LINK = /^(?:https?:|mailto:|tg:|tencent:)/i;

export function isSubmitSnapshotRequest(value: unknown): value is SubmitSnapshotRequest {
  if (!isRecord(value)) return false;
  const promiseOk = value.refundPromise === undefined || isShortString(value.refundPromise, 400);
  return isShortString(value.key, 200) && isShortString(value.docToken, 100) && promiseOk && isSnapshot(value.snapshot);
}

export function isPageReadRequest(value: unknown): value is PageReadRequest {
  if (!isRecord(value) || !isShortString(value.docToken, 100) || !isLinks(value.links) || !isCount(value.seq)) return false;
  // A whole reading or a change, never both: the change is checked whole again once put together (page-reads.ts).
  return value.change === undefined ? isSnapshot(value.snapshot) : value.snapshot === undefined && isReadingChange(value.change);
}

function isReadingChange(value: unknown): value is ReadingChange {
  return (
    isRecord(value) &&
    isCount(value.base) &&
    isCount(value.keepStart) &&
    isCount(value.keepEnd) &&
    isRecord(value.head) &&
    !('blocks' in value.head) &&
    isSnapshot({ ...value.head, blocks: value.blocks })
  );
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** Pay and contact links as shop-links.ts collects them: capped, and only schemes a shop's rules read. */
function isLinks(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_LINKS &&
    value.every((link) => isRecord(link) && typeof link.text === 'string' && link.text.length <= 60 && isShortString(link.href, 500) && LINK.test(link.href as string))
  );
}

export function isDeleteCaptureRequest(value: unknown): value is DeleteCaptureRequest {
  return isRecord(value) && isShortString(value.captureId, 200) && typeof value.reason === 'string' && value.reason.length <= 500;
}

export function isBackupBuildRequest(value: unknown): value is { type: 'backup:build'; version: string } {
  return isRecord(value) && isShortString(value.version, 50);
}

export function isBackupReleaseRequest(value: unknown): value is { type: 'backup:release'; url: string } {
  return isRecord(value) && isShortString(value.url, 200) && (value.url as string).startsWith('blob:');
}

/** A reading as a page may send it: every field in shape, every cap kept. */
export function isSnapshot(value: unknown): value is PageSnapshot {
  if (!isRecord(value)) return false;
  if (!isShortString(value.url, 4096) || !/^https?:\/\//i.test(value.url as string)) return false;
  if (typeof value.title !== 'string' || (value.title as string).length > 1000) return false;
  if (typeof value.lang !== 'string' || (value.lang as string).length > 50) return false;
  if (typeof value.seenAt !== 'string' || Number.isNaN(Date.parse(value.seenAt as string))) return false;
  if (typeof value.truncated !== 'boolean') return false;
  if (value.settling !== undefined && typeof value.settling !== 'boolean') return false;
  if (value.viewport !== null && !isViewport(value.viewport)) return false;
  if (!Array.isArray(value.blocks) || value.blocks.length > MAX_BLOCKS) return false;
  let total = 0;
  for (const block of value.blocks as unknown[]) {
    if (!isBlock(block)) return false;
    total += block.text.length;
  }
  return total <= MAX_TOTAL_CHARS;
}

function isBlock(value: unknown): value is TextBlock {
  return (
    isRecord(value) &&
    typeof value.text === 'string' &&
    value.text.length <= MAX_BLOCK_CHARS &&
    isShortString(value.tag, 40) &&
    Array.isArray(value.hints) &&
    value.hints.every((hint) => HINTS.has(hint as BlockHint)) &&
    (value.surface === undefined || isSurfaceMark(value.surface)) &&
    (value.row === undefined || Number.isInteger(value.row)) &&
    (value.cell === undefined || Number.isInteger(value.cell))
  );
}

function isSurfaceMark(value: unknown): boolean {
  return isRecord(value) && isShortString(value.id, 80) && TONES.has(value.tone as SurfaceTone) && Number.isInteger(value.n);
}

function isViewport(value: unknown): boolean {
  return isRecord(value) && ['width', 'height', 'devicePixelRatio'].every((k) => Number.isFinite(value[k]));
}

function isShortString(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
