import { useEffect, useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { pageTextBody } from '../evidence/page-text';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

// The visible text stored with each capture (page.txt), without the header lines written by
// src/evidence/page-text.ts. Read lazily when a case is opened: it is only needed there.

export function usePageTexts(db: EvidenceDb, captures: readonly CaptureEntry[]): Map<string, string> {
  const [texts, setTexts] = useState<Map<string, string>>(new Map());
  const ids = captures.map((entry) => entry.id).join('|');
  useEffect(() => {
    let cancelled = false;
    Promise.all(
      captures.map(async (entry) => {
        const ref = entry.files.find((file) => file.role === 'text');
        const stored = ref ? await readFile(db, ref.path) : undefined;
        return [entry.id, stored ? pageTextBody(await stored.blob.text()) : ''] as const;
      }),
    )
      .then((pairs) => !cancelled && setTexts(new Map(pairs)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [db, ids]);
  return texts;
}
