import type { CaptureEntry } from '../evidence/capture-entry';

/** paywitness-<site or "all-sites">-<YYYYMMDD-HHmm>.zip, in local time. */
export function bundleFileName(entries: readonly CaptureEntry[], now: Date): string {
  const sites = new Set(entries.map((entry) => entry.site));
  const site = sites.size === 1 ? [...sites][0]!.replace(/[^a-zA-Z0-9.-]/g, '_') : 'all-sites';
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `paywitness-${site}-${stamp}.zip`;
}
