import { useEffect, useState } from 'preact/hooks';
import { openEvidenceDb, type EvidenceDb } from '../store/open-evidence-db';

export type DbState = { db: EvidenceDb; error: null } | { db: null; error: string | null };

/** Extension pages read the evidence store directly; the same store module owns the schema. */
export function useEvidenceDb(): DbState {
  const [state, setState] = useState<DbState>({ db: null, error: null });
  useEffect(() => {
    openEvidenceDb()
      .then((db) => setState({ db, error: null }))
      .catch((error: unknown) => setState({ db: null, error: String(error) }));
  }, []);
  return state;
}
