import { describe, expect, it } from 'vitest';
import { parseRepairNotice, repairLines, repairNotice } from '../../../src/shared/store-repair-notice';

const report = (over: Partial<Parameters<typeof repairNotice>[0]> = {}): Parameters<typeof repairNotice>[0] => ({
  restoredEntries: 0,
  restoredFiles: 0,
  copiedEntries: 0,
  copiedFiles: 0,
  rechained: 0,
  lost: [],
  copyAbsent: false,
  chain: { ok: true, records: 5, head: 'h' },
  ...over,
});

describe('the repair notice', () => {
  it('says what came back and that the chain verifies', () => {
    const notice = repairNotice(report({ restoredEntries: 5, restoredFiles: 12 }), '2026-12-06T10:00:00.000+08:00');
    expect(repairLines(notice)).toEqual([
      ['repairRestored', ['5', '12']],
      ['repairChainOk', ['5']],
    ]);
  });

  it('adds up repairs the shopper has not seen yet, keeps the first time and the latest chain check', () => {
    const first = repairNotice(report({ restoredEntries: 2, lost: ['captures/a/page.txt'] }), '2026-12-06T10:00:00.000+08:00');
    const both = repairNotice(report({ copiedEntries: 3, copiedFiles: 1, lost: ['captures/a/page.txt'], chain: { ok: false, records: 7, problem: 'the chain is broken before record #4' } }), '2026-12-06T11:00:00.000+08:00', first);
    expect(both).toMatchObject({ at: '2026-12-06T10:00:00.000+08:00', restoredEntries: 2, copiedEntries: 3, lost: ['captures/a/page.txt'], chainOk: false });
    expect(repairLines(both)).toEqual([
      ['repairRestored', ['2', '0']],
      ['repairCopied', ['3', '1']],
      ['repairLost', ['1', 'captures/a/page.txt']],
      ['repairChainBroken', ['the chain is broken before record #4']],
    ]);
    expect(parseRepairNotice(JSON.parse(JSON.stringify(both)))).toEqual(both);
    expect(parseRepairNotice({ at: 1 })).toBeNull();
  });

  it('calls a copy made for the first time so, not a repair of damage', () => {
    expect(repairLines(repairNotice(report({ copyAbsent: true, copiedEntries: 40, copiedFiles: 120 }), '2026-12-06T10:00:00.000+08:00'))[0]).toEqual(['repairCopyCreated', ['40']]);
  });
});
