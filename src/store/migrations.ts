import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { EvidenceSchema } from './evidence-schema';

// Numbered, stepwise upgrades: a database at any earlier version is walked through every step
// after it. Never edit a shipped step; add the next one.

type UpgradeTx = IDBPTransaction<EvidenceSchema, StoreNames<EvidenceSchema>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<EvidenceSchema>, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  // 1: captures chained by seq, their files, the chain head, idempotency keys.
  (db) => {
    const captures = db.createObjectStore('captures', { keyPath: 'entry.id' });
    captures.createIndex('seq', 'seq', { unique: true });
    const files = db.createObjectStore('files', { keyPath: 'path' });
    files.createIndex('captureId', 'captureId');
    db.createObjectStore('meta', { keyPath: 'id' });
    db.createObjectStore('requests', { keyPath: 'key' });
  },
  // 2: journal of captures in flight, so a worker killed mid-capture is finished on restart.
  (db) => {
    db.createObjectStore('pending', { keyPath: 'key' });
  },
  // 3: order records (site + order id) and support deadlines (per case), beside the chain.
  (db) => {
    const orders = db.createObjectStore('orders', { keyPath: ['site', 'orderId'] });
    orders.createIndex('site', 'site');
    db.createObjectStore('supportDeadlines', { keyPath: 'caseId' });
  },
  // 4: chain records by case and by site, so the popup reads one page of cases (and a site's terms
  // records) instead of the whole chain. Deletion records carry a caseId but no site.
  (_db, tx) => {
    const captures = tx.objectStore('captures');
    captures.createIndex('caseId', 'entry.caseId');
    captures.createIndex('site', 'entry.site');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function runMigrations(db: IDBPDatabase<EvidenceSchema>, oldVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version]!(db, tx);
}
