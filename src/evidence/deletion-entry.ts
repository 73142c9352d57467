import type { CaptureEntry, FileRef, ImportedFrom } from './capture-entry';

// A deletion is itself a link of the chain (bundle format v1 extension, docs/bundle-format.md):
// the deleted capture's sealed record stays where it was, its files go, and this record says
// which capture, which hash, which files, when and why. Nothing is removed without a trace.

export interface DeletionEntry {
  id: string;
  kind: 'deletion';
  /** The capture whose files were removed, and its hash at the time (it never changes). */
  deletedId: string;
  deletedHash: string;
  /** The case the deleted capture belonged to, so a case shows that something left it. */
  caseId: string;
  /** Exactly the files that were removed: a verifier accepts only these as missing. */
  removedFiles: FileRef[];
  deletedAt: string;
  timeZone: string;
  reasonCode: 'user_request';
  /** The shopper's own words, if they gave any. */
  reason: string;
  extensionVersion: string;
  /** Always empty: a deletion carries no files; kept so every chain entry has a files list. */
  files: [];
  prevHash: string | null;
  /** As for captures: a deletion appended again from another chain keeps its original seal. */
  importedFrom?: ImportedFrom;
  hash: string;
}

export type ChainEntry = CaptureEntry | DeletionEntry;

export function isDeletion(entry: { kind: string }): entry is DeletionEntry {
  return entry.kind === 'deletion';
}

/** The captures still in force: deletion records and the captures they removed left out. */
export function liveCaptures(entries: readonly ChainEntry[]): CaptureEntry[] {
  const deleted = new Set(entries.filter(isDeletion).map((entry) => entry.deletedId));
  return entries.filter((entry): entry is CaptureEntry => !isDeletion(entry) && !deleted.has(entry.id));
}
