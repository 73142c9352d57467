import type { CaptureEntry } from '../evidence/capture-entry';
import { beijingTime, utcTime } from './bundle-times';
import { moneyText } from './money-text';

// The text burned into a stamped screenshot, as lines to draw. Pure so tests can check it against
// the sealed record; the canvas adapter (stamp-image.ts) only draws these lines.

export interface StampInput {
  capture: CaptureEntry;
  /** SHA-256 of the original screenshot, as sealed in the capture record. */
  originalSha256: string;
}

/** Full-width (CJK) characters take two columns, everything else one. */
export function textColumns(text: string): number {
  let columns = 0;
  for (const char of text) columns += isWide(char) ? 2 : 1;
  return columns;
}

/** How wide a line may be, and how to measure one: canvas pixels in the renderer, columns in tests. */
export interface LineBudget {
  max: number;
  measure?: (text: string) => number;
}

export function stampLines({ capture, originalSha256 }: StampInput, budget: number | LineBudget): string[] {
  const { max, measure = textColumns } = typeof budget === 'number' ? { max: budget } : budget;
  const money = moneyText(capture.amount, capture.currency);
  const order = capture.orderId ? `订单号 Order: ${capture.orderId}${money ? `    金额 Amount: ${money}` : ''}` : null;
  const lines = [
    `支付见证 PayWitness 存证截图 · 原图 SHA-256 前16位: ${originalSha256.slice(0, 16)}`,
    `截图时间 北京时间 ${beijingTime(capture.capturedAt)} (UTC+8)`,
    `Captured at (UTC) ${utcTime(capture.capturedAt)}`,
    `网站 Site: ${capture.site}`,
    order,
    `网址 URL: ${capture.url}`,
    `证据编号 Capture ID: ${capture.id}`,
  ];
  return lines.filter((line): line is string => line !== null).flatMap((line) => wrapLine(line, max, measure));
}

/** Hard-wraps by width; URLs have no spaces worth breaking at, so lines are cut where they overflow. */
export function wrapLine(line: string, max: number, measure: (text: string) => number = textColumns): string[] {
  if (measure(line) <= max) return [line];
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (current.trim() && measure(current + char) > max) {
      out.push(current);
      current = '  ';
    }
    current += char;
  }
  out.push(current);
  return out;
}

function isWide(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}
