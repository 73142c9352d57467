import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { sealEntry } from '../../../src/evidence/capture-chain';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { sha256Hex } from '../../../src/evidence/sha256';
import { chainEntries, chainState, commitCapture, pendingCaptures } from '../../../src/store/capture-store';
import type { EvidenceSchema } from '../../../src/store/evidence-schema';
import { DB_VERSION, MIGRATIONS } from '../../../src/store/migrations';
import { openEvidenceDb } from '../../../src/store/open-evidence-db';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { bundleBytes, draft, files } from '../../helpers/evidence-builders';

// Every earlier schema version is built with exactly its own first k steps, filled with data in
// that version's shape, then opened by today's code: the data must survive and stay usable.
// A new migration is covered automatically; one that changes a stored shape registers a seeder
// for its version below (the seeder of the highest version <= k is used).

type RawDb = IDBPDatabase<EvidenceSchema>;
interface Seeded {
  captureIds: string[];
  requestKeys: string[];
  pendingKeys: string[];
}
type Seeder = (db: RawDb) => Promise<Seeded>;

const SEEDERS: Record<number, Seeder> = {
  1: seedVersion1,
  2: async (db) => {
    const seeded = await seedVersion1(db);
    await db.put('pending', { key: 'pending-v2', startedAt: '2026-11-28T09:31:00.000+08:00', draft: draft({ id: 'pending-capture' }), pageText: '支付网关异常！' });
    return { ...seeded, pendingKeys: ['pending-v2'] };
  },
};

let counter = 0;

async function createAtVersion(version: number): Promise<{ name: string; seeded: Seeded }> {
  const name = `migration-test-${version}-${++counter}`;
  const db = await openDB<EvidenceSchema>(name, version, {
    upgrade(raw, oldVersion, _newVersion, tx) {
      for (let step = oldVersion; step < version; step++) MIGRATIONS[step]!(raw, tx);
    },
  });
  const seeder = seederFor(version);
  const seeded = await seeder(db);
  db.close();
  return { name, seeded };
}

function seederFor(version: number): Seeder {
  for (let v = version; v >= 1; v--) if (SEEDERS[v]) return SEEDERS[v]!;
  throw new Error(`no seeder for schema version ${version}`);
}

/** Version 1's shapes written by hand (today's writers expect today's stores). */
async function seedVersion1(db: RawDb): Promise<Seeded> {
  let prevHash: string | null = null;
  const captureIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = `old-${i}`;
    const refs = [];
    for (const file of files(id)) {
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      const path = `captures/${id}/${file.name}`;
      const sha256 = await sha256Hex(bytes);
      await db.put('files', { path, captureId: id, blob: file.blob, sha256, bytes: bytes.byteLength, type: file.blob.type, role: file.role });
      refs.push({ path, sha256, bytes: bytes.byteLength, type: file.blob.type, role: file.role });
    }
    const entry: CaptureEntry = await sealEntry({ ...draft({ id }), files: refs, prevHash });
    await db.put('captures', { seq: i + 1, entry });
    await db.put('requests', { key: `old-key-${i}`, captureId: id, at: entry.capturedAt });
    await db.put('meta', { id: 'chain', head: entry.hash, seq: i + 1 });
    prevHash = entry.hash;
    captureIds.push(id);
  }
  return { captureIds, requestKeys: ['old-key-0', 'old-key-1', 'old-key-2'], pendingKeys: [] };
}

describe('numbered migrations', () => {
  it('has one step per version and at least one earlier version to migrate from once there are two', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  const earlier = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);
  it.each(earlier)('opens a database made at version %i with every capture, file, key and journal intact', async (version) => {
    const { name, seeded } = await createAtVersion(version);
    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);

    const entries = await chainEntries(db);
    expect(entries.map((entry) => entry.id)).toEqual(seeded.captureIds);
    expect(await verifyBundle(await bundleBytes(db))).toMatchObject({ status: 'intact', captures: seeded.captureIds.length });
    for (const key of seeded.requestKeys) expect(await db.get('requests', key)).toBeDefined();
    expect((await pendingCaptures(db)).map((pending) => pending.key)).toEqual(seeded.pendingKeys);

    // Still writable, and a retried old request is still recognised.
    expect(await commitCapture(db, draft({ id: 'after-upgrade' }), files('after'), 'old-key-1')).toEqual({ captureId: 'old-1', duplicate: true, failed: null, repaired: null });
    await commitCapture(db, draft({ id: 'after-upgrade' }), files('after'), 'new-key');
    const after = await chainEntries(db);
    expect(after.at(-1)).toMatchObject({ id: 'after-upgrade', prevHash: entries.at(-1)!.hash });
    expect((await chainState(db)).seq).toBe(seeded.captureIds.length + 1);
    db.close();
  });
});
