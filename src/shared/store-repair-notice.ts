import type { RepairReport } from '../store/store-repair';

// What the worker tells the shopper after it repaired the evidence stores (store-repair.ts): kept in
// storage.local under 'storeRepair' until the shopper dismisses the popup's banner, and shown once
// as a notification when it happens. Two repairs before the shopper looks are added up.

export const STORE_REPAIR_KEY = 'storeRepair';

/** The counts a repair reports (store-repair.ts), added up over repairs the shopper has not seen yet. */
type RepairCounts = Pick<RepairReport, 'restoredEntries' | 'restoredFiles' | 'copiedEntries' | 'copiedFiles' | 'rechained' | 'lost'>;

export interface StoreRepairNotice extends RepairCounts {
  /** When the first repair not yet seen happened. */
  at: string;
  /** There was no second copy yet: it was made from IndexedDB (an update, or the copy was wiped). */
  copyCreated: boolean;
  chainOk: boolean;
  chainProblem: string | null;
  chainRecords: number;
}

const MAX_LOST_LISTED = 20;

export function repairNotice(report: RepairCounts & Pick<RepairReport, 'copyAbsent' | 'chain'>, at: string, unseen: StoreRepairNotice | null = null): StoreRepairNotice {
  const base = unseen ?? { at, restoredEntries: 0, restoredFiles: 0, copiedEntries: 0, copiedFiles: 0, rechained: 0, lost: [], copyCreated: false };
  return {
    at: base.at,
    restoredEntries: base.restoredEntries + report.restoredEntries,
    restoredFiles: base.restoredFiles + report.restoredFiles,
    copiedEntries: base.copiedEntries + report.copiedEntries,
    copiedFiles: base.copiedFiles + report.copiedFiles,
    rechained: base.rechained + report.rechained,
    lost: [...new Set([...base.lost, ...report.lost])].slice(0, MAX_LOST_LISTED),
    copyCreated: base.copyCreated || report.copyAbsent,
    // The latest check of the chain is the one that counts.
    chainOk: report.chain.ok,
    chainProblem: report.chain.ok ? null : report.chain.problem,
    chainRecords: report.chain.records,
  };
}

/** The notice as message keys and their substitutions, for the banner and the notification alike. */
export function repairLines(notice: StoreRepairNotice): Array<[key: string, substitutions: string[]]> {
  const lines: Array<[string, string[]]> = [];
  if (notice.restoredEntries || notice.restoredFiles) lines.push(['repairRestored', [String(notice.restoredEntries), String(notice.restoredFiles)]]);
  if (notice.copyCreated) lines.push(['repairCopyCreated', [String(notice.copiedEntries)]]);
  else if (notice.copiedEntries || notice.copiedFiles) lines.push(['repairCopied', [String(notice.copiedEntries), String(notice.copiedFiles)]]);
  if (notice.rechained) lines.push(['repairRechained', [String(notice.rechained)]]);
  if (notice.lost.length) lines.push(['repairLost', [String(notice.lost.length), notice.lost.join(', ')]]);
  lines.push(notice.chainOk ? ['repairChainOk', [String(notice.chainRecords)]] : ['repairChainBroken', [notice.chainProblem ?? '']]);
  return lines;
}

export function parseRepairNotice(value: unknown): StoreRepairNotice | null {
  if (typeof value !== 'object' || value === null) return null;
  const notice = value as Record<string, unknown>;
  const counts = ['restoredEntries', 'restoredFiles', 'copiedEntries', 'copiedFiles', 'rechained', 'chainRecords'] as const;
  if (typeof notice.at !== 'string' || !counts.every((key) => typeof notice[key] === 'number')) return null;
  if (!Array.isArray(notice.lost) || typeof notice.chainOk !== 'boolean') return null;
  return {
    at: notice.at,
    restoredEntries: notice.restoredEntries as number,
    restoredFiles: notice.restoredFiles as number,
    copiedEntries: notice.copiedEntries as number,
    copiedFiles: notice.copiedFiles as number,
    rechained: notice.rechained as number,
    lost: notice.lost.filter((item): item is string => typeof item === 'string'),
    copyCreated: notice.copyCreated === true,
    chainOk: notice.chainOk,
    chainProblem: typeof notice.chainProblem === 'string' ? notice.chainProblem : null,
    chainRecords: notice.chainRecords as number,
  };
}
