// The capture record exactly as bundle format v1 carries it (docs/bundle-format.md).
// The store keeps this object untouched after commit: its `hash` covers every field but itself.

export const CAPTURE_KINDS = [
  'payment_error',
  'user_error',
  'stalled_order',
  'duplicate_charge',
  'order_status',
  'terms',
  // v1 extensions: a page the shopper kept by hand with nothing detected on it, and a file the
  // shopper added to a case (bank SMS screenshot, receipt, support chat).
  'manual',
  'attachment',
] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

export type Responsibility = 'platform' | 'user' | 'third_party';

export type FileRole = 'screenshot' | 'text' | 'html' | 'attachment' | 'stamped';

export interface FileRef {
  /** Path inside the bundle zip, e.g. `captures/<id>/screenshot.png`. */
  path: string;
  sha256: string;
  bytes: number;
  type: string;
  role: FileRole;
}

export interface CaptureEnvironment {
  extensionVersion: string;
  userAgent: string;
  viewport: { width: number; height: number; devicePixelRatio: number } | null;
  /** v1 extension: the browser's name and version (absent in records made before it existed). */
  browser?: { name: string; version: string } | null;
}

export type AttemptJoin = 'order_on_page' | 'order_seen_in_tab' | 'same_tab_attempt' | 'new_attempt' | 'site_terms';

export interface AttemptLink {
  /** Opaque token of the browser tab (random per tab and browser session; says nothing else). */
  tab: string;
  /** Why the capture is in its case. */
  by: AttemptJoin;
  /** When the order or the earlier capture it joined was seen in that tab; null otherwise. */
  seenAt: string | null;
}

export interface CaptureEntry {
  id: string;
  caseId: string;
  trigger: 'auto' | 'manual';
  url: string;
  site: string;
  title: string;
  capturedAt: string;
  timeZone: string;
  kind: CaptureKind;
  responsibility: Responsibility | null;
  reasonCode: string;
  reason: string;
  message: string;
  orderId: string | null;
  amount: number | null;
  currency: string | null;
  status: string | null;
  createdAt: string | null;
  relatedOrderIds: string[];
  /**
   * v1 extension (absent in older records): how the capture was put in its case — the purchase
   * attempt of its tab (src/cases/attempt-case.ts). Sealed, so a reader can see why a capture
   * without an order id sits in an order's case.
   */
  attempt?: AttemptLink;
  /** Why there is no screenshot (tab closed, tab changed, …); null when there is one. */
  screenshotError: string | null;
  environment: CaptureEnvironment;
  files: FileRef[];
  prevHash: string | null;
  /**
   * v1 extension, absent in ordinary records: this record was first sealed in another chain (a
   * backup restored into a store that had moved on, or one of two diverged stores) and was appended
   * here again; the original seal is kept so it can still be checked (imported-entry.ts).
   */
  importedFrom?: ImportedFrom;
  hash: string;
}

export interface ImportedFrom {
  /** The record's hash in the chain it was first sealed in. */
  hash: string;
  /** Its prevHash there. */
  prevHash: string | null;
  /** `backup`: restored from a bundle; `copy`: kept from the side that lost when the two stores diverged. */
  via: 'backup' | 'copy';
  /** When it was appended to this chain (ISO-8601 with offset). */
  at: string;
}

export type UnhashedEntry = Omit<CaptureEntry, 'hash'>;

/** A capture before it is sealed: its files and place in the chain are added by the store. */
export type CaptureDraft = Omit<UnhashedEntry, 'files' | 'prevHash'>;
