import type { Demand, Party } from '../../cases/case-claim';
import type { CaptureEntry } from '../../evidence/capture-entry';
import { beijingTime } from '../bundle-times';
import type { CaseFacts } from '../case-facts';
import type { ShopStatement } from '../shop-statements';
import type { DraftPart } from './fit-length';
import { cutChars } from './fit-length';
import { phrases, type Phrases } from './draft-phrases';

// The parts every draft is built from, in the case's language: which order, what happened when,
// what the shop said, what is asked. Drop priorities (fit-length.ts) say what a short form loses
// first: further quotations, then the middle of the timeline.

/** Quotations are cut to this many characters (still a verbatim prefix, marked with …). */
const QUOTE_MAX = 60;
/** Capture ids are cited by their first characters; report.html lists each whole. */
const ID_CHARS = 8;

export interface Story {
  p: Phrases;
  money: string | null;
  orderLine: string;
  /** The order line without the order time, for the shortest boxes (the timeline carries times). */
  shortOrderLine: string;
  timeline: DraftPart[];
  happened: DraftPart;
  statements: DraftPart[];
  /** What is asked, worded for the party reading it (`demand` differs for the shop on a third-party route). */
  demandOf(demand: Demand, to: Party): DraftPart;
  records: DraftPart[];
  contacted: DraftPart | null;
}

export function caseStory(facts: CaseFacts): Story {
  const p = phrases(facts.language);
  const money = facts.amount === null ? null : p.money(facts.amount, facts.currency);
  const time = (iso: string) => p.time(beijingTime(iso));
  const order = { orderId: facts.orderId, money, status: facts.status };
  const orderLine = p.orderFacts({ ...order, orderedAt: facts.orderCreatedAt ? time(facts.orderCreatedAt) : null });
  const shown = facts.captures.filter((capture) => capture.kind !== 'terms' && capture.kind !== 'attachment');
  const timeline = shown.map((capture, index) => ({
    text: p.timelineLine(beijingTime(capture.capturedAt), p.kind(capture.kind), pageWords(capture), capture.status, stalledNote(capture, p)),
    // The first and the deciding line stay longest; the others go first, the latest of them first.
    drop: index === 0 || capture.id === facts.verdict.captureId ? 1 : 3,
  }));
  const records = paymentRecords(facts, p);
  const demandMoney = facts.claim.demand === 'refund_extra' ? extraCharge(facts, records.length) : money;
  const cites = facts.claim.demand !== 'confirm_payment';
  return {
    p,
    money,
    orderLine,
    shortOrderLine: p.orderFacts({ ...order, orderedAt: null }),
    timeline,
    // The timeline's lines already quote the failure; in the shortest forms the summary may go.
    happened: { text: p.whatHappened(p.reason(facts.verdict.reasonCode)), drop: 1 },
    statements: statementSentences(
      facts.statements.filter((statement) => cites || statement.kind === 'refund_promise'),
      p,
    ).map((text, index) => ({ text, drop: index === 0 ? 2 : 4 })),
    demandOf: (demand, to) => ({ text: p.demand(demand, demand === 'confirm_payment' ? null : demandMoney, to), drop: 0 }),
    records: records.map((text, index) => ({ text, drop: index < 2 ? 0 : 1 })),
    contacted: facts.notes.supportContactedAt ? { text: p.supportContacted(time(facts.notes.supportContactedAt)), drop: 1 } : null,
  };
}

/**
 * What the page said, to be quoted. A stalled order's message is PayWitness's own summary
 * (`处理中 · 30 h`), not page text: its status is quoted and its age said in the draft's words.
 */
function pageWords(capture: CaptureEntry): string {
  return capture.kind === 'stalled_order' ? '' : quoteText(capture.message);
}

function stalledNote(capture: CaptureEntry, p: Phrases): string | undefined {
  if (capture.kind !== 'stalled_order' || !capture.createdAt) return undefined;
  const hours = Math.floor((Date.parse(capture.capturedAt) - Date.parse(capture.createdAt)) / 3_600_000);
  return hours > 0 ? p.stalledFor(hours) : undefined;
}

/** A sentence per refund promise; the flagged clauses of one terms capture share one sentence. */
function statementSentences(statements: readonly ShopStatement[], p: Phrases): string[] {
  const at = (statement: ShopStatement) => p.time(beijingTime(statement.capturedAt));
  const sentences: string[] = [];
  const clauses = new Map<string, ShopStatement[]>();
  for (const statement of statements) {
    if (statement.kind === 'refund_promise') sentences.push(p.refundPromise(quoteText(statement.text), at(statement), shortId(statement.captureId)));
    else clauses.set(statement.captureId, [...(clauses.get(statement.captureId) ?? []), statement]);
  }
  for (const [captureId, group] of clauses) {
    const laws = [...new Set(group.flatMap((statement) => statement.laws ?? []))];
    sentences.push(p.flaggedClauses(group.map((statement) => quoteText(statement.text)), at(group[0]!), shortId(captureId), laws));
  }
  return sentences;
}

/**
 * Every payment the case's duplicate-charge captures name: one per order of a group charged for
 * one purchase, or one per ledger row when the shop's own records list the same order twice.
 */
function paymentRecords(facts: CaseFacts, p: Phrases): string[] {
  if (facts.claim.demand !== 'refund_extra') return [];
  const lines: string[] = [];
  for (const capture of facts.captures.filter((entry) => entry.kind === 'duplicate_charge')) {
    const at = p.time(beijingTime(capture.capturedAt));
    const money = capture.amount === null ? null : p.money(capture.amount, capture.currency);
    if (capture.relatedOrderIds.length > 0) {
      for (const orderId of [capture.orderId, ...capture.relatedOrderIds]) lines.push(p.paymentRecord(orderId, money, at, shortId(capture.id)));
    } else {
      for (const row of capture.message.split(' | ').filter(Boolean)) {
        lines.push(p.paymentRecord(null, p.quote(quoteText(row)), at, shortId(capture.id)));
      }
    }
  }
  return [...new Set(lines)].map((line) => p.paymentRecords([line]));
}

/** One purchase's amount for each payment beyond the first. */
function extraCharge(facts: CaseFacts, payments: number): string | null {
  if (facts.amount === null) return null;
  const extra = facts.amount * Math.max(1, payments - 1);
  return phrases(facts.language).money(extra, facts.currency);
}

export function quoteText(text: string): string {
  return cutChars(text.replace(/\s+/g, ' ').trim(), QUOTE_MAX);
}

export function shortId(id: string): string {
  return id.slice(0, ID_CHARS);
}
