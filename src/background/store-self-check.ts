import browser from 'webextension-polyfill';
import { chainState, repairEvidence } from '../store/capture-store';
import type { CopyHeadState, EvidenceCopy } from '../store/evidence-copy';
import type { ChainState } from '../store/evidence-schema';
import type { EvidenceDb } from '../store/open-evidence-db';
import { compareStores, sessionPlan, storesAgree, type CheckPlan } from '../store/store-comparison';
import { repairWasQuiet, type RepairReport } from '../store/store-repair';

// The worker's check of its two evidence stores.
//
// At every start, behind the ready promise every request waits for: the chain head and record count
// in IndexedDB against the copy's head.json (two small reads). When they differ — IndexedDB was
// reset or lost records, the copy was damaged — the stores are repaired before any request is
// served, so a new capture never chains onto a store that forgot its past. When only the copy is
// behind (IndexedDB holds all it vouches for), the repair is queued ahead of every write instead
// and requests do not wait for it.
//
// Once per browser session, after ready (a restart is when damage done while it was closed shows):
// every record and file of both sides by presence, and in turn a window of them more closely — the
// next 1,000 records by size and a byte read, the next 200 by SHA-256 (SESSION_WINDOWS) —
// so a store of any size is checked through over sessions at a bounded cost each. It holds no lock
// while it looks, and repairs (queued with the writes) only when it found something.

const SESSION_KEY = 'storeAuditThisSession';
const CURSORS_KEY = 'storeAuditNext';

export type Announce = (report: RepairReport) => Promise<void>;

export async function checkStoresAtStart(db: EvidenceDb, copy: EvidenceCopy, announce: Announce): Promise<void> {
  const [head, chain] = await Promise.all([copy.readHead(), chainState(db)]);
  const same = typeof head === 'object' ? head.seq === chain.seq && head.head === chain.head : head === 'absent' && chain.seq === 0;
  if (same) return;
  if (await onlyCopyBehind(db, head, chain)) {
    // IndexedDB lacks nothing: requests need not wait. The repair takes its place in the write
    // queue now, so it still runs before any write of this worker.
    void repairAndTell(db, copy, 'presence', announce).catch(() => undefined);
    return;
  }
  await repairAndTell(db, copy, 'presence', announce);
}

/**
 * IndexedDB holds everything the copy vouches for, and more: a write to the copy that a stopped
 * worker did not finish (the common case under a worker stopped again and again), or a copy not
 * made yet. Then IndexedDB is right as it is and only the copy needs completing.
 */
async function onlyCopyBehind(db: EvidenceDb, head: CopyHeadState, chain: ChainState): Promise<boolean> {
  if (head === 'absent') return true;
  if (head === 'damaged' || head.indexedDbSeq !== head.seq || head.seq >= chain.seq) return false;
  if (head.seq === 0) return true;
  return (await db.getFromIndex('captures', 'seq', head.seq))?.entry.hash === head.head;
}

export async function auditStoresOncePerSession(db: EvidenceDb, copy: EvidenceCopy, announce: Announce): Promise<void> {
  const session = browser.storage.session;
  // Marked before it starts: a worker stopped half-way through the check does not start it over
  // at every wake; the next browser session checks again.
  if (session && (await session.get(SESSION_KEY))[SESSION_KEY] !== undefined) return;
  await session?.set({ [SESSION_KEY]: 'started' });
  const next = (await browser.storage.local.get(CURSORS_KEY))[CURSORS_KEY] as Partial<Record<'sizes' | 'bytes', number>> | undefined;
  const plan = sessionPlan(next ?? {}, (await chainState(db)).seq);
  const looked = await compareStores(db, copy, plan);
  if (!storesAgree(looked)) await repairAndTell(db, copy, plan, announce);
  await browser.storage.local.set({ [CURSORS_KEY]: { sizes: plan.sizes.from + plan.sizes.count, bytes: plan.bytes.from + plan.bytes.count } });
  await session?.set({ [SESSION_KEY]: true });
}

async function repairAndTell(db: EvidenceDb, copy: EvidenceCopy, plan: CheckPlan, announce: Announce): Promise<void> {
  const report = await repairEvidence(db, copy, plan);
  if (!repairWasQuiet(report)) await announce(report);
}
