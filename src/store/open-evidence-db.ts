import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type EvidenceSchema } from './evidence-schema';
import { DB_VERSION, runMigrations } from './migrations';

export type EvidenceDb = IDBPDatabase<EvidenceSchema>;

export interface OpenOptions {
  /**
   * The browser closed the connection by force (e.g. after an I/O error on a full disk): every
   * later transaction on it would fail, so the caller must drop it and open a new one.
   */
  onTerminated?: () => void;
}

export function openEvidenceDb(name = DB_NAME, options: OpenOptions = {}): Promise<EvidenceDb> {
  return openDB<EvidenceSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, oldVersion, tx);
    },
    terminated: options.onTerminated,
  });
}
