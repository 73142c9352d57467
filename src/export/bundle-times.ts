// Evidence times for readers in China and abroad: Beijing time (what the shopper's receipts and the
// shop show) and UTC (what a court or a foreign platform compares against). Pure: no device zone.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-28 09:30:00` in Beijing time (UTC+8, no daylight saving), or the input when unparsable. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-11-28 01:30:00` in UTC, or the input when unparsable. */
export function utcTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-11-28` in Beijing time, for file names and headings. */
export function beijingDate(iso: string): string {
  return beijingTime(iso).slice(0, 10);
}
