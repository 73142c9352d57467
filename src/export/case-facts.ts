import type { CaptureEntry, CaptureKind, Responsibility } from '../evidence/capture-entry';
import type { CaseNotes, CaseNotesByCase } from './case-notes';
import { mergeIdentities, type ShopIdentity } from './shop-identity';

// One case = the captures sharing a caseId (docs/bundle-format.md). The report, the complaint drafts
// and the stamped images all read a case through this one summary, built from sealed records only.

export interface CaseVerdict {
  captureId: string;
  capturedAt: string;
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  reason: string;
  message: string;
}

export interface CaseFacts {
  caseId: string;
  site: string;
  shopName: string;
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  orderCreatedAt: string | null;
  firstSeen: string;
  lastSeen: string;
  /** In chain order (oldest first). */
  captures: CaptureEntry[];
  verdict: CaseVerdict;
  companyNames: string[];
  icpNumbers: string[];
  notes: CaseNotes;
}

/** Cases in order of their first capture. `identities` are shop identities read from page text, by capture id. */
export function caseFacts(
  captures: readonly CaptureEntry[],
  notes: CaseNotesByCase,
  identities: ReadonlyMap<string, ShopIdentity> = new Map(),
): CaseFacts[] {
  const groups = new Map<string, CaptureEntry[]>();
  for (const capture of captures) {
    const group = groups.get(capture.caseId) ?? [];
    group.push(capture);
    groups.set(capture.caseId, group);
  }
  return [...groups].map(([caseId, group]) => summarise(caseId, group, notes.get(caseId) ?? {}, identities));
}

function summarise(
  caseId: string,
  group: CaptureEntry[],
  notes: CaseNotes,
  identities: ReadonlyMap<string, ShopIdentity>,
): CaseFacts {
  const first = group[0]!;
  const last = group.at(-1)!;
  const decisive = [...group].reverse().find((capture) => capture.kind !== 'order_status') ?? last;
  const latest = <K extends 'amount' | 'currency' | 'status' | 'createdAt'>(key: K): CaptureEntry[K] | null =>
    [...group].reverse().find((capture) => capture[key] !== null)?.[key] ?? null;
  const seen = mergeIdentities(group.flatMap((capture) => identities.get(capture.id) ?? []));
  return {
    caseId,
    site: first.site,
    shopName: notes.shopName?.trim() || shopNameFromTitles(group.map((capture) => capture.title)) || first.site,
    orderId: first.orderId,
    amount: latest('amount'),
    currency: latest('currency'),
    status: latest('status'),
    orderCreatedAt: latest('createdAt'),
    firstSeen: first.capturedAt,
    lastSeen: last.capturedAt,
    captures: group,
    verdict: {
      captureId: decisive.id,
      capturedAt: decisive.capturedAt,
      kind: decisive.kind,
      responsibility: decisive.responsibility,
      reasonCode: decisive.reasonCode,
      reason: decisive.reason,
      message: decisive.message,
    },
    companyNames: [...new Set([...(notes.companyNames ?? []), ...seen.companyNames])],
    icpNumbers: [...new Set([...(notes.icpNumbers ?? []), ...seen.icpNumbers])],
    notes,
  };
}

/**
 * Card shops put their name after the page title: `出现错误了哟~ | 星河发卡`, `订单详情 - 某某发卡`.
 * The most frequent such suffix across a case's pages; null when the titles show none.
 */
export function shopNameFromTitles(titles: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const title of titles) {
    const parts = title.split(/\s+[|｜\-–—]\s+/);
    const suffix = parts.length > 1 ? parts.at(-1)!.trim() : '';
    if (suffix.length >= 2 && suffix.length <= 30) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
