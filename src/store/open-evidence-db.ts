import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type EvidenceSchema } from './evidence-schema';
import { DB_VERSION, runMigrations } from './migrations';

export type EvidenceDb = IDBPDatabase<EvidenceSchema>;

export function openEvidenceDb(name = DB_NAME): Promise<EvidenceDb> {
  return openDB<EvidenceSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, oldVersion, tx);
    },
  });
}
