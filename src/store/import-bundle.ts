import type { ChainEntry } from '../evidence/deletion-entry';
import { rechainEntry } from '../evidence/imported-entry';
import { isoWithOffset } from '../evidence/iso-time';
import { MANIFEST_PATH, type BundleManifest } from '../export/bundle-manifest';
import { readZip } from '../verify/read-zip';
import { verifyBundle } from '../verify/verify-bundle';
import { serialised } from './chain-writes';
import { chainEntries } from './capture-store';
import { copyFileName, type EvidenceCopy } from './evidence-copy';
import type { EvidenceDb } from './open-evidence-db';
import { repairStores, type RepairReport } from './store-repair';

// Restores from a bundle (a backup, or any whole export) the records and files this device's store
// lacks. The bundle is verified first; only an intact, whole, unredacted bundle is taken.
//
// Where the store's chain is the start of the bundle's (an empty store after a reinstall, or one
// that lost its last records), the missing records are appended exactly as sealed: the chain head
// afterwards is the backup's, byte for byte. Where the store has moved on with records of its own
// since the chains parted, the bundle's other records cannot be placed where their prevHash points;
// they are appended after this store's head, re-chained (importedFrom.via = "backup", original seal
// kept and checked by verify) — one chain the popup, export and verify all read, rather than a
// second chain beside it that every view would have to know about.
//
// The records go into the second copy first and IndexedDB is then rebuilt from it by the same
// repair that handles a reset IndexedDB, so an import stopped half-way is finished at the next start.

export type ImportOutcome =
  | { ok: true; appended: number; rechained: number; files: number; alreadyHad: number }
  | { ok: false; error: 'not_intact' | 'not_whole' | 'unreadable'; detail: string };

export function importBundle(db: EvidenceDb, copy: EvidenceCopy, zipBytes: Uint8Array, now = new Date()): Promise<ImportOutcome> {
  return serialised(() => importNow(db, copy, zipBytes, now));
}

async function importNow(db: EvidenceDb, copy: EvidenceCopy, zipBytes: Uint8Array, now: Date): Promise<ImportOutcome> {
  const verdict = await verifyBundle(zipBytes);
  if (verdict.status === 'unreadable') return { ok: false, error: 'unreadable', detail: verdict.error };
  if (verdict.status === 'tampered') {
    return { ok: false, error: 'not_intact', detail: verdict.problems.slice(0, 3).map((p) => `${p.entry}: ${p.reason}`).join('; ') };
  }
  const zip = readZip(zipBytes);
  const manifest = JSON.parse(new TextDecoder().decode(zip.get(MANIFEST_PATH))) as BundleManifest;
  if (manifest.chain.links || manifest.chain.base !== null || (manifest.omitted?.length ?? 0) > 0) {
    return { ok: false, error: 'not_whole', detail: 'a one-case, partial or redacted bundle cannot restore a chain' };
  }

  // Start from two stores that agree, so the copy's head is this store's head.
  const before = await repairStores(db, copy, 'presence', now);
  if (!before.chain.ok || before.copyError) return { ok: false, error: 'unreadable', detail: 'the store must be in order before an import' };
  const local = await chainEntries(db);
  const incoming = manifest.captures;
  let shared = 0;
  while (shared < local.length && shared < incoming.length && local[shared]!.hash === incoming[shared]!.hash) shared++;
  const have = new Set(local.map((entry) => entry.id));
  const extra = incoming.slice(shared).filter((entry) => !have.has(entry.id));
  const verbatim = shared === local.length;
  const at = isoWithOffset(now);
  let previous: ChainEntry | undefined = local.at(-1);
  const appended: ChainEntry[] = [];
  for (const entry of extra) {
    const placed: ChainEntry = verbatim ? entry : await rechainEntry(entry, previous?.hash ?? null, 'backup', at);
    appended.push(placed);
    previous = placed;
  }

  const files = await copyFilesFromBundle(copy, [...local, ...appended], zip);
  for (const [offset, entry] of appended.entries()) {
    await copy.writeEntry({ seq: local.length + offset + 1, entry, requestKey: null });
  }
  if (appended.length) {
    await copy.writeHead({ seq: local.length + appended.length, head: previous!.hash, indexedDbSeq: local.length, at });
  }
  const after: RepairReport = await repairStores(db, copy, 'presence', now);
  if (!after.chain.ok) return { ok: false, error: 'not_intact', detail: after.chain.problem };
  return {
    ok: true,
    appended: verbatim ? appended.length : 0,
    rechained: verbatim ? 0 : appended.length,
    files,
    alreadyHad: incoming.length - extra.length,
  };
}

/** Every bundle file of a record this store keeps that the copy lacks, checked against its sealed hash by verify. */
async function copyFilesFromBundle(copy: EvidenceCopy, entries: readonly ChainEntry[], zip: ReadonlyMap<string, Uint8Array>): Promise<number> {
  const present = await copy.listFiles();
  let written = 0;
  for (const entry of entries) {
    for (const [index, ref] of entry.files.entries()) {
      const bytes = zip.get(ref.path);
      if (!bytes || present.has(copyFileName(entry.id, index))) continue;
      await copy.writeFile(entry.id, index, new Blob([bytes as BlobPart], { type: ref.type }));
      written++;
    }
  }
  return written;
}
