import { liveCaptures, type ChainEntry } from '../evidence/deletion-entry';
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
  };
}

export function buildManifest(
  captures: readonly ChainEntry[],
  createdAt: string,
  generatorVersion: string,
): BundleManifest {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt,
    generator: { name: 'PayWitness', version: generatorVersion },
    captures: [...captures],
    orders: deriveOrders(liveCaptures(captures)),
    chain: {
      algorithm: 'sha256',
      head: captures.at(-1)?.hash ?? null,
      base: captures[0]?.prevHash ?? null,
    },
  };
}
