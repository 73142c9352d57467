import type { ChainEntry } from '../evidence/deletion-entry';
import { sha256Hex } from '../evidence/sha256';
import { MANIFEST_PATH } from '../export/bundle-manifest';
import type { Problem } from './verify-bundle';

// Checks the two bundle-level lists of the v1 extension (docs/bundle-format.md):
// `extras` — files made at export (README, report, complaints, stamped copies, timestamp token),
//   each hashed like a capture file; a stamped copy must name a screenshot the chain really seals;
// `omitted` — capture files a redacted export left out, accepted as missing only when declared
//   with the very SHA-256 the sealed record lists, and only for page text / HTML.

const OMITTABLE_ROLES = new Set(['text', 'html']);
const EXTRA_ROLES = new Set(['readme', 'report', 'complaint', 'stamped', 'timestamp']);

export interface DerivedLists {
  extras: unknown;
  omitted: unknown;
}

/** The declared omissions, path → sha256, after checking each names a real, omittable capture file. */
export function declaredOmissions(lists: DerivedLists, captures: readonly ChainEntry[], files: ReadonlyMap<string, Uint8Array>, problems: Problem[]): Map<string, string> {
  const out = new Map<string, string>();
  if (lists.omitted === undefined) return out;
  if (!Array.isArray(lists.omitted)) {
    problems.push({ entry: 'manifest.omitted', reason: 'is not a list' });
    return out;
  }
  const sealed = new Map(captures.flatMap((capture) => capture.files.map((ref) => [ref.path, ref] as const)));
  for (const item of lists.omitted as unknown[]) {
    if (!isRecord(item) || typeof item.path !== 'string' || typeof item.sha256 !== 'string') {
      problems.push({ entry: 'manifest.omitted', reason: 'has an entry without path and sha256' });
      continue;
    }
    const ref = sealed.get(item.path);
    if (!ref || ref.sha256 !== item.sha256) {
      problems.push({ entry: item.path, reason: 'declared omitted, but no sealed capture lists this file with this SHA-256' });
    } else if (!OMITTABLE_ROLES.has(ref.role)) {
      problems.push({ entry: item.path, reason: `declared omitted, but a redacted bundle may only leave out page text or HTML, not a ${ref.role}` });
    } else if (files.has(item.path)) {
      problems.push({ entry: item.path, reason: 'declared omitted, yet it is in the zip' });
    } else {
      out.set(item.path, item.sha256);
    }
  }
  return out;
}

/** Hash-checks every extra and adds its path to `listed`. Returns how many were checked. */
export async function checkExtras(
  lists: DerivedLists,
  captures: readonly ChainEntry[],
  files: ReadonlyMap<string, Uint8Array>,
  listed: Set<string>,
  problems: Problem[],
): Promise<number> {
  if (lists.extras === undefined) return 0;
  if (!Array.isArray(lists.extras)) {
    problems.push({ entry: 'manifest.extras', reason: 'is not a list' });
    return 0;
  }
  const sealed = new Map(captures.flatMap((capture) => capture.files.map((ref) => [ref.path, { ref, captureId: capture.id }] as const)));
  let count = 0;
  for (const item of lists.extras as unknown[]) {
    if (!isRecord(item) || typeof item.path !== 'string' || typeof item.sha256 !== 'string' || typeof item.bytes !== 'number') {
      problems.push({ entry: 'manifest.extras', reason: 'has an entry without path, sha256 and bytes' });
      continue;
    }
    const path = item.path;
    count++;
    if (path === MANIFEST_PATH || listed.has(path)) {
      problems.push({ entry: path, reason: 'listed twice in the manifest' });
      continue;
    }
    listed.add(path);
    if (typeof item.role !== 'string' || !EXTRA_ROLES.has(item.role)) problems.push({ entry: path, reason: `unknown extra role ${String(item.role)}` });
    if (item.role === 'stamped') {
      const source = isRecord(item.source) ? item.source : {};
      const original = typeof source.path === 'string' ? sealed.get(source.path) : undefined;
      if (!original || original.ref.sha256 !== source.sha256 || original.captureId !== item.captureId || original.ref.role !== 'screenshot') {
        problems.push({ entry: path, reason: 'a stamped copy must name a sealed screenshot of its capture, with that screenshot\'s SHA-256' });
      }
    }
    const data = files.get(path);
    if (!data) {
      problems.push({ entry: path, reason: 'listed in the manifest but missing from the zip' });
      continue;
    }
    if (data.byteLength !== item.bytes) problems.push({ entry: path, reason: `size is ${data.byteLength} bytes, the manifest says ${item.bytes}` });
    const actual = await sha256Hex(data);
    if (actual !== item.sha256) problems.push({ entry: path, reason: `SHA-256 is ${actual}, the manifest says ${item.sha256}: the file was changed` });
  }
  return count;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
