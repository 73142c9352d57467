import type { CaptureKind, Responsibility } from '../evidence/capture-entry';
import type { ShownOrder } from './facts/page-orders';
import type { PageSnapshot } from './page-snapshot';
import type { OrderFacts } from './verdict';

export interface DetectSettings {
  /** An open order older than this is stalled (platform's fault). */
  stallThresholdHours: number;
}

export const DEFAULT_DETECT_SETTINGS: DetectSettings = { stallThresholdHours: 24 };

/** A page as every detector sees it: the snapshot plus what is cheap to derive once. */
export interface PageView {
  snapshot: PageSnapshot;
  url: URL | null;
  facts: OrderFacts;
  /** Every order the page shows (one on a detail page, several on a list). */
  orders: readonly ShownOrder[];
  /** Epoch ms of `snapshot.seenAt`. */
  now: number;
  settings: DetectSettings;
}

export interface Finding {
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  message: string;
  /** When the finding is about an order the page's labelled facts do not name (a records row). */
  orderId?: string;
  /** The facts of the order the finding is about, when the page shows several. */
  facts?: OrderFacts;
  relatedOrderIds?: string[];
  /** The table entry and surface a message finding came from. */
  entry?: string;
  surface?: string;
}

/** One detector per file, each a pure function of the page. */
export interface Detector {
  id: string;
  detect(page: PageView): Finding | null;
  /**
   * Fixture pages (test/fixtures/pages/<system>/<slug>) this detector must accept; the corpus test
   * also runs it on every other detector's pages and on every negative and expects "no".
   */
  fixtures?: readonly string[];
}
