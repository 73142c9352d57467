import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { groupCases, type CaseSummary } from '../../../src/cases/group-cases';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { commitCapture, deleteCapture, liveCaptureEntries, type DeletionDraft } from '../../../src/store/capture-store';
import { readCasePage, siteTermsEntries } from '../../../src/store/case-pages';
import type { EvidenceSchema } from '../../../src/store/evidence-schema';
import { MIGRATIONS } from '../../../src/store/migrations';
import { openEvidenceDb, type EvidenceDb } from '../../../src/store/open-evidence-db';
import { draft, freshDb } from '../../helpers/evidence-builders';

// The popup's paged read must list exactly the cases the full read grouped, in the same order,
// with the same captures: deletions and attachments included.

const why = (id: string): DeletionDraft => ({
  id,
  deletedAt: '2026-11-28T12:00:00.000+08:00',
  timeZone: 'Asia/Shanghai',
  reasonCode: 'user_request',
  reason: '',
  extensionVersion: '0.1.0',
});

let minute = 0;
async function capture(db: EvidenceDb, id: string, site: string, order: string, overrides: Partial<CaptureEntry> = {}) {
  const capturedAt = new Date(Date.UTC(2026, 10, 28, 1, 0) + ++minute * 60_000).toISOString().replace('Z', '+00:00');
  await commitCapture(db, draft({ id, site, orderId: order, caseId: `${site}#order:${order}`, capturedAt, ...overrides }), [], `key-${id}`);
}

/** Ten cases over three sites, captured interleaved, with attachments, terms and deletions. */
async function mixedHistory(): Promise<EvidenceDb> {
  const db = await freshDb();
  for (let round = 0; round < 3; round++) {
    for (let order = 0; order < 10; order++) {
      await capture(db, `c${order}-${round}`, `s${order % 3}.example`, `ORDER${order}`, round === 1 && order % 4 === 0 ? { kind: 'order_status' } : {});
    }
  }
  await capture(db, 'attach-2', 's2.example', 'ORDER2', { kind: 'attachment', trigger: 'attachment' as CaptureEntry['trigger'] });
  await capture(db, 'terms-s1', 's1.example', 'TERMS', { kind: 'terms', caseId: 's1.example#day:2026-11-28', orderId: null });
  // Case 9 loses its newest capture (it falls back in the order); case 5 loses every capture.
  await deleteCapture(db, 'c9-2', why('d1'));
  for (let round = 0; round < 3; round++) await deleteCapture(db, `c5-${round}`, why(`d5-${round}`));
  await capture(db, 'c3-late', 's0.example', 'ORDER3');
  return db;
}

async function allPages(db: EvidenceDb, limit: number): Promise<{ pages: CaseSummary[][]; lastNext: number | null }> {
  const pages: CaseSummary[][] = [];
  let page = await readCasePage(db, { limit });
  pages.push(groupCases(page.entries));
  while (page.nextFromSeq !== null) {
    const loaded = new Set(pages.flat().map((item) => item.caseId));
    page = await readCasePage(db, { limit, fromSeq: page.nextFromSeq, loaded });
    pages.push(groupCases(page.entries));
  }
  return { pages, lastNext: page.nextFromSeq };
}

describe('reading cases a page at a time', () => {
  it('pages through exactly the cases the full read groups, newest first, with the same captures', async () => {
    const db = await mixedHistory();
    const everything = groupCases(await liveCaptureEntries(db));
    expect(everything).toHaveLength(10);
    const { pages } = await allPages(db, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat()).toEqual(everything);
    // The deleted capture is gone from case 9, the fully deleted case 5 is not listed at all.
    expect(pages.flat().find((item) => item.caseId === 's0.example#order:ORDER9')!.captures.map((entry) => entry.id)).toEqual(['c9-0', 'c9-1']);
    expect(pages.flat().some((item) => item.caseId.endsWith('ORDER5'))).toBe(false);
    expect(pages[0]!.map((item) => item.caseId)).toEqual(['s0.example#order:ORDER3', 's1.example#terms', 's2.example#order:ORDER2']);
    expect(pages[0]![2]!.captures.map((entry) => entry.kind)).toContain('attachment');
  });

  it('reads one page when the cases fit and says nothing more is left', async () => {
    const db = await mixedHistory();
    const page = await readCasePage(db, { limit: 10 });
    expect(page.nextFromSeq).toBeNull();
    expect(groupCases(page.entries)).toEqual(groupCases(await liveCaptureEntries(db)));
    expect(await readCasePage(await freshDb(), { limit: 25 })).toEqual({ entries: [], nextFromSeq: null });
  });

  it('finds a site\'s terms records in force, whatever case they belong to', async () => {
    const db = await mixedHistory();
    expect((await siteTermsEntries(db, 's1.example')).map((entry) => entry.id)).toEqual(['terms-s1']);
    expect(await siteTermsEntries(db, 's0.example')).toEqual([]);
  });

  it('indexes records written before the case index existed', async () => {
    const name = `case-pages-v3-${Date.now()}`;
    const old = await openDB<EvidenceSchema>(name, 3, {
      upgrade(raw, oldVersion, _newVersion, tx) {
        for (let step = oldVersion; step < 3; step++) MIGRATIONS[step]!(raw, tx);
      },
    });
    // Records in the stored shape, written by hand while the database is still at version 3.
    for (let order = 0; order < 4; order++) {
      const entry = { ...draft({ id: `v3-${order}`, site: 'old.example', orderId: `OLD${order}`, caseId: `old.example#order:OLD${order}` }), files: [], prevHash: null, hash: `h${order}` };
      await old.put('captures', { seq: order + 1, entry });
    }
    old.close();
    const upgraded = await openEvidenceDb(name);
    const page = await readCasePage(upgraded, { limit: 2 });
    expect(groupCases(page.entries).map((item) => item.caseId).sort()).toEqual(['old.example#order:OLD2', 'old.example#order:OLD3']);
    expect(page.nextFromSeq).toBe(2);
  });
});
