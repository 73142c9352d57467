import { caseClaim, type CaseClaim } from '../cases/case-claim';
import { decidingCapture, groupCases, type CaseSummary } from '../cases/group-cases';
import { paymentState, type PaymentFinding } from '../cases/payment-state';
import { paymentChannels, type PaymentChannel } from '../checklist/refund-checklist';
import type { CaptureEntry, CaptureKind, Responsibility } from '../evidence/capture-entry';
import type { CaseNotes, CaseNotesByCase } from './case-notes';
import { addTallies, draftLanguage, tallyScript, type DraftLanguage } from './complaints/draft-language';
import type { PageReading } from './page-reading';
import { refundPromiseStatements, statementsForCase, type ShopStatement } from './shop-statements';
import { mergeIdentities } from './shop-identity';

// The cases of a bundle (src/cases: one per purchase attempt, the verdict by its stated rule), with
// what the report and the drafts need on top: the shop's name and operator, what the shop said,
// the language its pages are written in, whether money moved and what to ask of whom. Built from
// sealed records and what export read from their page text, nothing else.

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
  /** Oldest first. */
  captures: CaptureEntry[];
  verdict: CaseVerdict;
  /** Failure captures that name another party than the verdict. */
  disagreeing: CaseVerdict[];
  companyNames: string[];
  icpNumbers: string[];
  notes: CaseNotes;
  /** The language of the shop's pages: every draft is written in it. */
  language: DraftLanguage;
  channels: PaymentChannel[];
  /** What the shop itself said (refund promises, flagged clauses), verbatim. */
  statements: ShopStatement[];
  payment: PaymentFinding;
  claim: CaseClaim;
}

/** Cases in order of their first capture. `readings` are what export read from page text, by capture id. */
export function caseFacts(
  captures: readonly CaptureEntry[],
  notes: CaseNotesByCase,
  readings: ReadonlyMap<string, PageReading> = new Map(),
): CaseFacts[] {
  const promises = refundPromiseStatements(captures);
  return groupCases(captures)
    .sort((a, b) => Date.parse(a.firstAt) - Date.parse(b.firstAt) || a.caseId.localeCompare(b.caseId))
    .map((summary) => factsOf(summary, notes.get(summary.caseId) ?? {}, readings, promises));
}

/** The one case that holds `captureId` (the popup's open case), or null. */
export function factsOfCase(
  captures: readonly CaptureEntry[],
  captureId: string,
  notes: CaseNotes,
  readings: ReadonlyMap<string, PageReading>,
): CaseFacts | null {
  const summary = groupCases(captures).find((item) => item.captures.some((capture) => capture.id === captureId));
  return summary ? factsOf(summary, notes, readings, refundPromiseStatements(captures)) : null;
}

/** `promises`: the refund promises kept in the bundle (any case); a case cites those of its site. */
function factsOf(summary: CaseSummary, caseNotes: CaseNotes, readings: ReadonlyMap<string, PageReading>, promises: readonly ShopStatement[]): CaseFacts {
  const group = summary.captures;
  const own = group.flatMap((capture) => readings.get(capture.id) ?? []);
  const seen = mergeIdentities(own.map((reading) => reading.identity));
  const latest = <K extends 'status' | 'createdAt'>(key: K): CaptureEntry[K] | null => group.findLast((capture) => capture[key] !== null)?.[key] ?? null;
  const payment = paymentState(group, caseNotes.shopperSaysPaid ?? null);
  const script = addTallies([...own.map((reading) => reading.script), ...group.map((capture) => tallyScript(`${capture.title}\n${capture.message}`))]);
  return {
    caseId: summary.caseId,
    site: summary.site,
    shopName: caseNotes.shopName?.trim() || shopNameFromTitles(group.map((capture) => capture.title)) || summary.site,
    orderId: summary.orderId,
    amount: summary.amount,
    currency: summary.currency,
    status: latest('status'),
    orderCreatedAt: latest('createdAt'),
    firstSeen: summary.firstAt,
    lastSeen: summary.lastAt,
    captures: group,
    verdict: verdictOf(decidingCapture(group)),
    disagreeing: summary.disagreeing.map(verdictOf),
    companyNames: [...new Set([...(caseNotes.companyNames ?? []), ...seen.companyNames])],
    icpNumbers: [...new Set([...(caseNotes.icpNumbers ?? []), ...seen.icpNumbers])],
    notes: caseNotes,
    language: draftLanguage(script),
    channels: [...new Set([...paymentChannels(group, []), ...own.flatMap((reading) => reading.channels)])],
    statements: statementsForCase(summary, [...promises, ...[...readings.values()].flatMap((reading) => reading.statements)]),
    payment,
    claim: caseClaim({ ...summary, payment }),
  };
}

function verdictOf(capture: CaptureEntry): CaseVerdict {
  const { id: captureId, capturedAt, kind, responsibility, reasonCode, reason, message } = capture;
  return { captureId, capturedAt, kind, responsibility, reasonCode, reason, message };
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
