import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/**
 * hash = SHA-256 of the JCS form of the record without its `hash` field (prevHash included).
 * The same rule for every chain entry, captures and deletions alike.
 */
export function hashEntry(entry: object): Promise<string> {
  const { hash: _ignored, ...rest } = entry as { hash?: unknown };
  return sha256Hex(canonicalJson(rest));
}

export async function sealEntry<T extends object>(entry: T): Promise<T & { hash: string }> {
  return { ...entry, hash: await hashEntry(entry) };
}
