import type { CaptureEntry } from '../evidence/capture-entry';
import { isRefundPromiseRecord } from '../shop/refund-promise-record';
import { findUnfairClauses, type LawReference, type UnfairClauseRule } from '../terms/unfair-clauses';

// What the shop itself said, quoted verbatim in drafts and the report: a refund promise shown on a
// product or checkout page, or a clause of its terms flagged as likely unfair. Each statement
// keeps where it came from (capture id, when it was captured). Two feeders: the terms pages' text
// (flaggedClauseStatements) and the refund promises kept as records (refundPromiseStatements, read
// from the sealed record alone, so a redacted bundle quotes them too); statementsForCase picks what
// a case cites.

export type StatementKind = 'refund_promise' | 'flagged_clause';

export interface ShopStatement {
  kind: StatementKind;
  /** Exactly as the shop's page printed it. */
  text: string;
  site: string;
  captureId: string;
  capturedAt: string;
  /** For a flagged clause: which rule flagged it and the laws that make it suspect. */
  rule?: UnfairClauseRule;
  laws?: LawReference[];
}

/** Refund promises kept as evidence (src/shop/refund-promise-record.ts): the promise is the record's message. */
export function refundPromiseStatements(captures: readonly CaptureEntry[]): ShopStatement[] {
  return captures.filter(isRefundPromiseRecord).map((capture) => ({
    kind: 'refund_promise',
    text: capture.message,
    site: capture.site,
    captureId: capture.id,
    capturedAt: capture.capturedAt,
  }));
}

/** The clauses of a captured terms page that are likely unfair, as statements of its shop. */
export function flaggedClauseStatements(capture: Pick<CaptureEntry, 'id' | 'site' | 'capturedAt'>, pageText: string): ShopStatement[] {
  return findUnfairClauses(pageText).map((found) => ({
    kind: 'flagged_clause',
    text: found.clause,
    site: capture.site,
    captureId: capture.id,
    capturedAt: capture.capturedAt,
    rule: found.rule,
    laws: found.laws,
  }));
}

/**
 * The statements a case cites: those of its own captures and of its shop's site, each text once
 * (the earliest capture of it), refund promises before flagged clauses, oldest first.
 */
export function statementsForCase(
  kase: { site: string; captures: readonly Pick<CaptureEntry, 'id'>[] },
  statements: readonly ShopStatement[],
): ShopStatement[] {
  const own = new Set(kase.captures.map((capture) => capture.id));
  const relevant = statements.filter((statement) => statement.site === kase.site || own.has(statement.captureId));
  const byText = new Map<string, ShopStatement>();
  for (const statement of [...relevant].sort(byTime)) {
    const key = `${statement.kind}\n${statement.text.replace(/\s+/g, ' ').trim()}`;
    if (!byText.has(key)) byText.set(key, statement);
  }
  return [...byText.values()].sort((a, b) => rank(a) - rank(b) || byTime(a, b));
}

function rank(statement: ShopStatement): number {
  return statement.kind === 'refund_promise' ? 0 : 1;
}

function byTime(a: ShopStatement, b: ShopStatement): number {
  return Date.parse(a.capturedAt) - Date.parse(b.capturedAt);
}
