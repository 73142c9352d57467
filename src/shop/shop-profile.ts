import type { PageRole } from '../detect/page-role';
import type { CaptureEntry } from '../evidence/capture-entry';
import type { OrderRecord } from '../orders/order-record';
import { orderKey } from '../orders/order-record';
import type { SupportDeadline } from '../orders/support-deadline';
import { findUnfairClauses, type UnfairClause } from '../terms/unfair-clauses';
import { adviceFor, type Advice } from './before-paying';
import { findCompanyNames } from './company-name';
import { findContactChannels, type ContactChannel } from './contact-channels';
import { findCreditCodes, isValidCreditCode, type CreditCode } from './credit-code';
import { escrowState, findEscrow, type EscrowSeen, type EscrowState } from './escrow';
import { checkIcpNumber, findIcpNumbers, type IcpNumber } from './icp-number';
import { distinct } from './distinct';
import type { PagePart } from './page-part';
import { findAggregators, type AggregatorSeen } from './payment-aggregator';
import { findPaymentMethods, type PaymentMethodSeen } from './payment-methods';
import { isRefundPromiseRecord } from './refund-promise-record';
import { promiseKey } from './refund-promises';
import { shopBadge, type ShopBadge } from './shop-badge';
import { shopHistory, type ShopHistory } from './shop-history';
import type { ShopPageFacts } from './shop-page-facts';

// Everything the popup's "this shop" section says about one site, and the badge it earns: what the
// page in front of the shopper shows, what earlier captured pages of the site showed, and the
// shopper's own history there. Every signal carries where it was read. Pure: the worker gathers the
// inputs (store, settings, the page's facts) and hands the result to the popup as JSON.

export type Where =
  | { from: 'page'; part: PagePart }
  | { from: 'capture'; captureId: string; title: string; url: string; at: string };

export type Sourced<T> = T & { where: Where };

export interface KeptPromise {
  text: string;
  where: Where;
  /** When it was kept as evidence, and as which capture; null while it is only on this page. */
  keptAt: string | null;
  captureId: string | null;
}

export interface ShopProfile {
  site: string;
  /** The page that was read, or null when this site's page was not read (not a shop page, reading off). */
  page: { url: string; title: string; readAt: string; role: PageRole } | null;
  icp: Sourced<IcpNumber>[];
  companies: Sourced<{ name: string }>[];
  creditCodes: Sourced<CreditCode>[];
  contacts: Sourced<ContactChannel>[];
  payments: Sourced<PaymentMethodSeen>[];
  escrow: { state: EscrowState | null; seen: Sourced<EscrowSeen>[] };
  aggregators: Sourced<AggregatorSeen>[];
  terms: Sourced<{ name: string; reasonCode: string }>[];
  clauses: Sourced<UnfairClause>[];
  promises: KeptPromise[];
  history: ShopHistory;
  badge: ShopBadge;
  advice: Advice;
}

export interface ReadPage {
  url: string;
  title: string;
  readAt: string;
  facts: ShopPageFacts;
}

export interface ShopProfileInput {
  site: string;
  now: Date;
  page: ReadPage | null;
  /** Live capture records of this site (any case), chain order. */
  captures: readonly CaptureEntry[];
  /** Stored page text (page.txt body) of some of those captures, by capture id. */
  texts: ReadonlyMap<string, string>;
  orders: readonly OrderRecord[];
  deadlines: readonly SupportDeadline[];
  stallThresholdHours: number;
}

export function shopProfile(input: ShopProfileInput): ShopProfile {
  const { site, now, page, captures, texts } = input;
  const facts = page?.facts ?? null;
  const onPage = (part: PagePart): Where => ({ from: 'page', part });
  const fromPage = <T extends { part: PagePart }>(items: readonly T[] | undefined) =>
    (items ?? []).map(({ part, ...found }) => ({ ...(found as Omit<T, 'part'>), where: onPage(part) }));
  const stored = captures
    .filter((capture) => texts.has(capture.id))
    .reverse()
    .map((capture) => ({ text: texts.get(capture.id)!, where: fromCapture(capture), capture }));
  const fromStored = <T>(find: (text: string) => T[]) => stored.flatMap(({ text, where }) => find(text).map((found) => ({ ...found, where })));

  const icp = distinct(
    [
      ...(facts?.icp ?? []).flatMap(({ shown, part }) => {
        const checked = checkIcpNumber(shown, now);
        return checked ? [{ ...checked, where: onPage(part) }] : [];
      }),
      ...fromStored((text) => findIcpNumbers(text, now)),
    ],
    (item) => item.shown,
  );
  const companies = distinct(
    [...fromPage(facts?.companies), ...fromStored((text) => findCompanyNames(text).map((name) => ({ name })))],
    (item) => item.name,
  );
  const creditCodes = distinct(
    [...fromPage(facts?.creditCodes).map((found) => ({ ...found, valid: isValidCreditCode(found.code) })), ...fromStored(findCreditCodes)],
    (item) => item.code,
  );
  const contacts = distinct(
    [...fromPage(facts?.contacts), ...fromStored((text) => findContactChannels(text))],
    (item) => `${item.kind}|${item.value}`,
  ).slice(0, 8);
  const payments = distinct(
    [...fromPage(facts?.payments), ...fromStored((text) => findPaymentMethods(text.split('\n')))],
    (item) => item.method,
  );
  const escrowSeen = distinct(
    [...fromPage(facts?.escrow), ...fromStored(findEscrow)],
    (item) => item.state,
  );
  const aggregators = distinct(
    [...fromPage(facts?.aggregators), ...fromStored((text) => findAggregators(text, [], site))],
    (item) => item.kind,
  );
  const termsRecords = captures.filter((capture) => capture.kind === 'terms' && !isRefundPromiseRecord(capture));
  const terms = distinct(
    [
      ...(facts?.terms ? [{ ...facts.terms, where: onPage('main') }] : []),
      ...[...termsRecords].reverse().map((capture) => ({ name: capture.message, reasonCode: capture.reasonCode, where: fromCapture(capture) })),
    ],
    (item) => item.name,
  );
  const clauses = distinct(
    [
      ...fromPage(facts?.clauses),
      ...stored.filter(({ capture }) => termsRecords.includes(capture)).flatMap(({ text, where }) => findUnfairClauses(text).map((clause) => ({ ...clause, where }))),
    ],
    (item) => `${item.rule}|${item.clause}`,
  );
  const promises = keptPromises(captures, facts);
  const past = shopHistory({ captures, orders: input.orders, deadlines: input.deadlines, now: now.getTime(), stallThresholdHours: input.stallThresholdHours });
  const openOrders = new Set(past.openCases.map((open) => open.caseId));
  const badge = shopBadge({
    openCases: past.openCases.length,
    stalledOrders: past.stalledOrders.filter((order) => !openOrders.has(orderKey(site, order.orderId))).length,
    identityShown: facts && facts.role === 'shop' ? companies.length + icp.length > 0 : null,
    malformedIcp: icp.filter((number) => number.problems.length > 0).length,
    unfairClauses: clauses.length,
  });
  const escrow = { state: escrowState(escrowSeen), seen: escrowSeen };
  const profile = {
    site,
    page: page ? { url: page.url, title: page.title, readAt: page.readAt, role: page.facts.role } : null,
    icp,
    companies,
    creditCodes,
    contacts,
    payments,
    escrow,
    aggregators,
    terms,
    clauses,
    promises,
    history: past,
    badge,
  };
  return { ...profile, advice: adviceFor(profile) };
}

/** Promises kept as evidence on this site, then those on this page not kept (yet). */
function keptPromises(captures: readonly CaptureEntry[], facts: ShopPageFacts | null): KeptPromise[] {
  const kept = captures
    .filter(isRefundPromiseRecord)
    .map((capture) => ({ text: capture.message, where: fromCapture(capture), keptAt: capture.capturedAt, captureId: capture.id }));
  const keys = new Set(kept.map((promise) => promiseKey(promise.text)));
  const pending = (facts?.promises ?? [])
    .filter((promise) => !keys.has(promiseKey(promise.text)))
    .map((promise) => ({ text: promise.text, where: { from: 'page' as const, part: promise.part }, keptAt: null, captureId: null }));
  return [...pending, ...kept.reverse()];
}

function fromCapture(capture: CaptureEntry): Where {
  return { from: 'capture', captureId: capture.id, title: capture.title, url: capture.url, at: capture.capturedAt };
}
