import type { ImportedFrom } from './capture-entry';
import { hashEntry, sealEntry } from './capture-chain';
import type { ChainEntry } from './deletion-entry';

// A sealed record can only be appended where its prevHash points. When records from another chain
// must join this one — a backup restored into a store that captured new things since, or the two
// stores of one device that diverged — they are appended again after this chain's head: same id,
// same fields, same files, a new prevHash, and `importedFrom` holding the original prevHash and
// hash. The new hash covers `importedFrom`, so this chain stays one unbroken chain; and the original
// seal still checks out: drop `importedFrom`, put the original prevHash back, hash, compare.

export function rechainEntry<E extends ChainEntry>(
  entry: E,
  prevHash: string | null,
  via: ImportedFrom['via'],
  at: string,
): Promise<E> {
  // A record re-chained twice keeps its very first seal: that is the one a backup or a verifier knows.
  const importedFrom: ImportedFrom = entry.importedFrom ?? { hash: entry.hash, prevHash: entry.prevHash, via, at };
  return sealEntry({ ...entry, prevHash, importedFrom, hash: '' });
}

/** The record exactly as it was first sealed, or null for a record that was never re-chained. */
export function originalEntry<E extends ChainEntry>(entry: E): E | null {
  if (!entry.importedFrom) return null;
  const { importedFrom, ...rest } = entry;
  return { ...rest, prevHash: importedFrom.prevHash, hash: importedFrom.hash } as E;
}

/** True when a re-chained record's fields still hash to the seal it had in its first chain. */
export async function originalSealHolds(entry: ChainEntry): Promise<boolean> {
  const original = originalEntry(entry);
  return original !== null && (await hashEntry(original)) === original.hash;
}

/** Every hash a record has been known by: its own, and its first seal when it was re-chained. */
export function knownHashes(entry: ChainEntry): string[] {
  return entry.importedFrom ? [entry.hash, entry.importedFrom.hash] : [entry.hash];
}
