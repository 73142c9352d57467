import { pageRole, type PageRole } from '../detect/page-role';
import type { PageSnapshot } from '../detect/page-snapshot';
import { safeUrl } from '../shared/safe-url';
import { findUnfairClauses, type UnfairClause } from '../terms/unfair-clauses';
import { findCompanyNames } from './company-name';
import { findContactChannels, type ContactChannel, type PageLink } from './contact-channels';
import { findCreditCodes } from './credit-code';
import { distinct } from './distinct';
import { findEscrow, type EscrowSeen } from './escrow';
import { findIcpNumbers } from './icp-number';
import { pagePart, type PagePart } from './page-part';
import { findAggregators, type AggregatorSeen } from './payment-aggregator';
import { findPaymentMethods, type PaymentMethodSeen } from './payment-methods';
import { findRefundPromises, type RefundPromiseSeen } from './refund-promises';

// What one page shows about its shop, read from the page's own text blocks and links, each signal
// with the part of the page it was read in. Small and JSON-safe: the worker reads it from the
// reading a page sends (`page:read`), keeps it for the popup and sets the badge from it. Pure.

export type Placed<T> = T & { part: PagePart };

export interface ShopTermsDocument {
  /** `terms_<kind>` reason code of the terms capture rule (terms_agreement, terms_refund_policy …). */
  reasonCode: string;
  name: string;
}

export interface ShopPageFacts {
  role: PageRole;
  /** ICP numbers as printed; checked where they are shown (icp-number.ts), with the clock of that moment. */
  icp: Placed<{ shown: string }>[];
  companies: Placed<{ name: string }>[];
  creditCodes: Placed<{ code: string }>[];
  contacts: Placed<ContactChannel>[];
  payments: Placed<PaymentMethodSeen>[];
  escrow: Placed<EscrowSeen>[];
  aggregators: Placed<AggregatorSeen>[];
  /** The terms document this page is, when it is one. */
  terms: ShopTermsDocument | null;
  /** Likely-unfair clauses, read only on a terms page (a product page's wording is not its terms). */
  clauses: Placed<UnfairClause>[];
  promises: RefundPromiseSeen[];
}

export function readShopFacts(snapshot: PageSnapshot, links: readonly PageLink[], terms: ShopTermsDocument | null): ShopPageFacts {
  const url = safeUrl(snapshot.url);
  const blocks = snapshot.blocks.filter((block) => block.text.trim().length > 0);
  const perBlock = <T>(find: (text: string) => T[]): Placed<T>[] =>
    blocks.flatMap((block) => find(block.text).map((found) => ({ ...found, part: pagePart(block) })));
  const fromLinks = <T>(found: T[]): Placed<T>[] => found.map((item) => ({ ...item, part: 'link' as const }));
  return {
    role: pageRole({ url, snapshot }),
    icp: distinct(perBlock((text) => findIcpNumbers(text, new Date(snapshot.seenAt)).map(({ shown }) => ({ shown }))), (item) => item.shown),
    companies: distinct(perBlock((text) => findCompanyNames(text).map((name) => ({ name }))), (item) => item.name),
    creditCodes: distinct(perBlock((text) => findCreditCodes(text).map(({ code }) => ({ code }))), (item) => item.code),
    contacts: distinct([...perBlock((text) => findContactChannels(text)), ...fromLinks(findContactChannels('', links))], (item) => `${item.kind}|${item.value}`).slice(0, 8),
    payments: distinct(perBlock((text) => findPaymentMethods(text.split('\n'))), (item) => item.method),
    escrow: distinct(perBlock(findEscrow), (item) => item.state),
    aggregators: distinct([...perBlock((text) => findAggregators(text, [], '')), ...fromLinks(findAggregators('', links, url?.hostname ?? ''))], (item) => item.kind),
    terms,
    clauses: terms ? perBlock(findUnfairClauses).slice(0, 20) : [],
    promises: findRefundPromises(blocks),
  };
}
