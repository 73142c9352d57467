import { buildBundle } from '../export/export-all';
import type { EvidenceDb } from '../store/open-evidence-db';
import { verifyBundle } from '../verify/verify-bundle';

// A backup bundle: the whole chain, every file, the documents of an export, no stamped copies.
// It is verified with the CLI's own code before it is offered to the downloads, so a backup that
// would not verify is never written (and says why instead).

export interface BuiltBackup {
  blob: Blob;
  head: string | null;
  records: number;
}

export async function buildBackup(db: EvidenceDb, version: string): Promise<BuiltBackup> {
  const built = await buildBundle(db, { notes: new Map() }, () => undefined, { stamped: false, version });
  const verdict = await verifyBundle(new Uint8Array(await built.blob.arrayBuffer()));
  if (verdict.status !== 'intact') {
    const why = verdict.status === 'tampered' ? verdict.problems.slice(0, 3).map((p) => `${p.entry}: ${p.reason}`).join('; ') : verdict.error;
    throw new Error(`the backup bundle does not verify: ${why}`);
  }
  return { blob: built.blob, head: built.manifest.chain.head, records: built.manifest.captures.length };
}
