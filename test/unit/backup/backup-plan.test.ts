import { describe, expect, it, vi } from 'vitest';
import { afterBackup, backupDue, backupFileName, KEEP_BACKUPS, NO_BACKUP, parseBackupState, type BackupState } from '../../../src/backup/backup-plan';
import { mergeSettings } from '../../../src/settings/settings';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const NOW = new Date('2026-12-06T14:30:00+08:00');
const backedUp = (lastAt: string, lastHead = 'a'.repeat(64)): BackupState => ({ ...NO_BACKUP, lastAt, lastHead, lastRecords: 3 });

describe('when a backup bundle is written', () => {
  it('is off by default, and an unknown schedule falls back to off', () => {
    expect(mergeSettings({}).backupSchedule).toBe('off');
    expect(mergeSettings({ backupSchedule: 'hourly' }).backupSchedule).toBe('off');
    expect(mergeSettings({ backupSchedule: 'daily' }).backupSchedule).toBe('daily');
  });

  it('never when off, except by hand; never for an empty chain or one that has not moved', () => {
    const head = 'b'.repeat(64);
    expect(backupDue('off', NO_BACKUP, head, 'scheduled', NOW)).toBe(false);
    expect(backupDue('off', NO_BACKUP, head, 'new_case', NOW)).toBe(false);
    expect(backupDue('off', NO_BACKUP, null, 'manual', NOW)).toBe(true);
    expect(backupDue('daily', NO_BACKUP, null, 'scheduled', NOW)).toBe(false);
    expect(backupDue('daily', backedUp('2026-11-01T00:00:00+08:00', head), head, 'scheduled', NOW)).toBe(false);
  });

  it('daily: once 24 hours have passed since the last one; a new case alone does not trigger it', () => {
    const head = 'c'.repeat(64);
    expect(backupDue('daily', NO_BACKUP, head, 'scheduled', NOW)).toBe(true);
    expect(backupDue('daily', backedUp('2026-12-05T15:00:00+08:00'), head, 'scheduled', NOW)).toBe(false);
    expect(backupDue('daily', backedUp('2026-12-05T14:29:00+08:00'), head, 'scheduled', NOW)).toBe(true);
    expect(backupDue('daily', NO_BACKUP, head, 'new_case', NOW)).toBe(false);
  });

  it('after each new case: on the new case, and at the hourly check when the chain moved since', () => {
    const head = 'd'.repeat(64);
    expect(backupDue('after_new_case', backedUp('2026-12-06T14:29:00+08:00'), head, 'new_case', NOW)).toBe(true);
    expect(backupDue('after_new_case', backedUp('2026-12-06T14:29:00+08:00'), head, 'scheduled', NOW)).toBe(true);
    expect(backupDue('after_new_case', backedUp('2026-12-06T14:29:00+08:00', head), head, 'scheduled', NOW)).toBe(false);
  });
});

describe('backup files', () => {
  it('go into Downloads/PayWitness-backups/, named by local date and time', () => {
    expect(backupFileName(new Date(2026, 11, 6, 9, 5))).toBe('PayWitness-backups/paywitness-backup-20261206-0905.zip');
  });

  it(`keep the newest ${KEEP_BACKUPS} and name the older ones for removal`, () => {
    let state = NO_BACKUP;
    const removed: number[] = [];
    for (let id = 1; id <= 5; id++) {
      const next = afterBackup(state, { downloadId: id, file: `/d/${id}.zip`, at: `2026-12-0${id}T10:00:00+08:00` }, `${id}`.repeat(64), id);
      state = next.state;
      removed.push(...next.remove.map((old) => old.downloadId));
    }
    expect(state.kept.map((kept) => kept.downloadId)).toEqual([5, 4, 3]);
    expect(removed).toEqual([1, 2]);
    expect(state).toMatchObject({ lastFile: '/d/5.zip', lastRecords: 5, lastError: null });
    expect(parseBackupState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseBackupState('nonsense')).toEqual(NO_BACKUP);
  });
});
