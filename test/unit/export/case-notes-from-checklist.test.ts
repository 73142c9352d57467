import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { groupCases } from '../../../src/cases/group-cases';
import { EMPTY_PROGRESS } from '../../../src/checklist/case-progress';
import { sealEntry } from '../../../src/evidence/capture-chain';
import { buildManifest } from '../../../src/export/bundle-manifest';
import { caseNotesFromProgress, checklistNotes } from '../../../src/export/case-notes-from-checklist';
import { caseFacts } from '../../../src/export/case-facts';
import { complaintDrafts } from '../../../src/export/complaints/complaint-drafts';
import { flaggedClauseStatements } from '../../../src/export/shop-statements';
import { writeBundle } from '../../../src/export/write-bundle';
import { chainEntries, commitCapture, readFile } from '../../../src/store/capture-store';
import { concat, draft, freshDb } from '../../helpers/evidence-builders';

describe('case notes from the checklist and the terms scanner', () => {
  it('lists the checklist with what the shopper did and when', async () => {
    const entry = await sealEntry({ ...draft({ id: 'c1' }), files: [{ path: 'captures/c1/screenshot.png', sha256: '0'.repeat(64), bytes: 1, type: 'image/png', role: 'screenshot' as const }], prevHash: null });
    const [summary] = groupCases([entry]);
    const progress = { ...EMPTY_PROGRESS, steps: { contact_support: '2026-11-28T02:00:00.000Z' } };
    const notes = checklistNotes(summary!, progress, 72, Date.parse('2026-11-28T03:00:00Z'));
    expect(notes).toContainEqual({ label: expect.stringContaining('联系商家客服'), done: true, doneAt: '2026-11-28T02:00:00.000Z' });
    expect(notes).toContainEqual(expect.objectContaining({ label: expect.stringContaining('出错页面截图'), done: true }));
    expect(notes.some((note) => !note.done)).toBe(true);
  });

  it("carries the shopper's answers into the drafts: money taken turns a question to the shop into a claim", async () => {
    const entry = await sealEntry({ ...draft({ id: 'c2' }), files: [], prevHash: null });
    const [summary] = groupCases([entry]);
    const progress = { ...EMPTY_PROGRESS, moneyTaken: 'yes' as const, steps: { contact_support: '2026-11-28T02:00:00.000Z' } };
    const notes = caseNotesFromProgress(summary!, progress, 72, Date.parse('2026-11-28T03:00:00Z'));
    expect(notes).toMatchObject({ shopperSaysPaid: 'yes', supportContactedAt: '2026-11-28T02:00:00.000Z' });
    const [facts] = caseFacts([entry], new Map([[summary!.caseId, notes]]));
    const drafts = complaintDrafts(facts!, { now: '2026-11-28T10:00:00.000+08:00' });
    expect(drafts.map((d) => d.channel)).toEqual(['shop', 'wechat', '12315']);
    expect(drafts[2]!.boxes.facts).toContain('我已于 2026-11-28 10:00:00（北京时间） 联系商家客服要求处理');
  });

  it('flags unfair clauses with the law that makes them suspect', () => {
    const found = flaggedClauseStatements({ id: 't1', site: 'shop.example', capturedAt: '2026-11-28T09:00:00.000+08:00' }, '购买须知：虚拟商品一经售出概不退款。本站拥有最终解释权。');
    expect(found.flatMap((statement) => statement.laws)).toContain('consumer_law_26');
    expect(found.map((statement) => statement.text).join('\n')).toContain('最终解释权');
    expect(found.every((statement) => statement.kind === 'flagged_clause' && statement.captureId === 't1')).toBe(true);
  });

  it('puts clauses flagged in a terms page into the exported report', async () => {
    const db = await freshDb();
    await commitCapture(
      db,
      draft({ id: 'terms-1', kind: 'terms', responsibility: null, reasonCode: 'unfair_terms', message: '最终解释权', caseId: 'shop.example#day:2026-11-28', orderId: null }),
      [{ name: 'page.txt', blob: new Blob(['用户协议\n本站对以上条款拥有最终解释权。']), role: 'text' }],
      'k',
    );
    const chunks: Uint8Array[] = [];
    const manifest = buildManifest(await chainEntries(db), '2026-11-28T10:00:00.000+08:00', '0.1.0');
    await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk));
    const report = new TextDecoder().decode(unzipSync(concat(chunks))['report.html']);
    expect(report).toContain('本站对以上条款拥有最终解释权');
    expect(report).toContain('《消费者权益保护法》第26条');
  });
});
