import { caseKeys } from '../cases/case-keys';
import type { CaptureEntry } from '../evidence/capture-entry';
import { isDeletion, liveCaptures, type ChainEntry } from '../evidence/deletion-entry';
import type { OrderRecord } from '../orders/order-record';
import { deriveOrders, type OrderSummary } from './derive-orders';

export const BUNDLE_FORMAT = 'paywitness-evidence';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  createdAt: string;
  generator: { name: string; version: string };
  /** Chain order; deletion entries (v1 extension) sit among the captures they follow. */
  captures: ChainEntry[];
  orders: OrderSummary[];
  chain: {
    algorithm: 'sha256';
    /** Hash of the last capture; null for an empty bundle. */
    head: string | null;
    /** prevHash of the first capture: null when the bundle starts at the beginning of the chain. */
    base: string | null;
    /**
     * v1 extension, one-case bundles only: {hash, prevHash} of every record of the chain in order,
     * so the case's records prove their place without disclosing the shopper's other cases.
     * `head` / `base` are then the whole chain's.
     */
    links?: Array<{ hash: string; prevHash: string | null }>;
  };
  /**
   * v1 extension: files made at export time (README, report, complaint drafts, stamped copies).
   * They are listed and hashed here but stay outside the sealed capture records, so making them
   * never touches the chain. Absent in bundles written before this field existed.
   */
  extras?: ExtraFile[];
  /**
   * v1 extension: capture files a redacted export left out on purpose. Verify accepts a listed
   * capture file missing from the zip only when it is declared here with the same SHA-256.
   */
  omitted?: OmittedFile[];
}

export type ExtraRole = 'readme' | 'report' | 'complaint' | 'stamped' | 'timestamp';

export interface ExtraFile {
  path: string;
  sha256: string;
  bytes: number;
  type: string;
  role: ExtraRole;
  /** For `stamped`: the capture and the original screenshot (path + SHA-256) it was made from. */
  captureId?: string;
  source?: { path: string; sha256: string };
}

export interface OmittedFile {
  path: string;
  sha256: string;
  reason: 'redacted';
}

export function buildManifest(
  captures: readonly ChainEntry[],
  createdAt: string,
  generatorVersion: string,
  orderRecords: readonly OrderRecord[] = [],
): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt,
    generator: { name: 'PayWitness', version: generatorVersion },
    captures: [...captures],
    orders: deriveOrders(liveCaptures(captures), orderRecords),
    chain: {
      algorithm: 'sha256',
      head: captures.at(-1)?.hash ?? null,
      base: captures[0]?.prevHash ?? null,
    },
  };
}

/**
 * A bundle of one case (as src/cases groups it): its records, the deletion records of its captures,
 * and the terms pages and refund promises in force on its site — the shop's own words its drafts
 * quote — placed in the whole chain by `chain.links`.
 */
export function buildCaseManifest(
  chain: readonly ChainEntry[],
  caseId: string,
  createdAt: string,
  generatorVersion: string,
  orderRecords: readonly OrderRecord[] = [],
): BundleManifest {
  const full = buildManifest(chain, createdAt, generatorVersion, orderRecords);
  const keys = caseKeys(chain.filter((entry): entry is CaptureEntry => !isDeletion(entry)));
  const site = caseId.slice(0, caseId.indexOf('#'));
  const own = new Set(chain.filter((entry) => keys.get(entry.id) === caseId).map((entry) => entry.id));
  // The site's terms pages and refund promises in force; one the shopper deleted would be a record
  // without its files (its deletion belongs to another case), which no verifier could accept.
  const siteTerms = new Set(liveCaptures(chain).filter((entry) => entry.kind === 'terms' && entry.site === site).map((entry) => entry.id));
  const captures = chain.filter((entry) => (isDeletion(entry) ? own.has(entry.deletedId) : own.has(entry.id) || siteTerms.has(entry.id)));
  return {
    ...full,
    captures,
    orders: deriveOrders(liveCaptures(captures), orderRecords),
    chain: { ...full.chain, links: chain.map((entry) => ({ hash: entry.hash, prevHash: entry.prevHash })) },
  };
}
