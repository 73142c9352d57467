import browser from 'webextension-polyfill';
import { chainState, repairEvidence } from '../store/capture-store';
import type { EvidenceCopy } from '../store/evidence-copy';
import type { EvidenceDb } from '../store/open-evidence-db';
import { compareStores, storesAgree, type FileCheck } from '../store/store-comparison';
import { repairWasQuiet, type RepairReport } from '../store/store-repair';

// The worker's check of its two evidence stores.
//
// At every start, behind the ready promise every request waits for: the chain head and record count
// in IndexedDB against the copy's head.json (two small reads). When they differ — IndexedDB was
// reset or lost records, the copy lags or was damaged — the stores are repaired before any request
// is served, so a new capture never chains onto a store that forgot its past.
//
// Once per browser session (a restart is when damage done while it was closed shows), after ready:
// every record and file on both sides, by size and a byte read; every 7 days by SHA-256. It holds
// no lock while it looks, and repairs (queued with the writes) only when it found something.

const SESSION_KEY = 'storeAuditThisSession';
const DEEP_AUDIT_KEY = 'storeDeepAuditAt';
const DEEP_AUDIT_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

export type Announce = (report: RepairReport) => Promise<void>;

export async function checkStoresAtStart(db: EvidenceDb, copy: EvidenceCopy, announce: Announce): Promise<void> {
  const [head, chain] = await Promise.all([copy.readHead(), chainState(db)]);
  const same = typeof head === 'object' ? head.seq === chain.seq && head.head === chain.head : head === 'absent' && chain.seq === 0;
  if (same) return;
  await repairAndTell(db, copy, 'presence', announce);
}

export async function auditStoresOncePerSession(db: EvidenceDb, copy: EvidenceCopy, announce: Announce, now = Date.now()): Promise<void> {
  const session = browser.storage.session;
  // Marked before it starts: a worker stopped half-way through a long check (a very large store)
  // does not start it over at every wake; the next browser session checks again.
  if (session && (await session.get(SESSION_KEY))[SESSION_KEY] !== undefined) return;
  await session?.set({ [SESSION_KEY]: 'started' });
  const lastDeep = Number((await browser.storage.local.get(DEEP_AUDIT_KEY))[DEEP_AUDIT_KEY] ?? 0);
  const check: FileCheck = now - lastDeep >= DEEP_AUDIT_EVERY_MS ? 'bytes' : 'sizes';
  const looked = await compareStores(db, copy, check);
  if (!storesAgree(looked)) await repairAndTell(db, copy, check, announce);
  await session?.set({ [SESSION_KEY]: true });
  if (check === 'bytes') await browser.storage.local.set({ [DEEP_AUDIT_KEY]: now });
}

async function repairAndTell(db: EvidenceDb, copy: EvidenceCopy, check: FileCheck, announce: Announce): Promise<void> {
  const report = await repairEvidence(db, copy, check);
  if (!repairWasQuiet(report)) await announce(report);
}
