import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';
import type { CaptureEntry, UnhashedEntry } from './capture-entry';

/** hash = SHA-256 of the JCS form of the record without its `hash` field (prevHash included). */
export function hashEntry(entry: UnhashedEntry | CaptureEntry): Promise<string> {
  const { hash: _ignored, ...rest } = entry as CaptureEntry;
  return sha256Hex(canonicalJson(rest));
}

export async function sealEntry(entry: UnhashedEntry): Promise<CaptureEntry> {
  return { ...entry, hash: await hashEntry(entry) };
}
