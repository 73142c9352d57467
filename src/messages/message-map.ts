import type { PageSnapshot, TextBlock } from '../detect/page-snapshot';
import type { ReadingChange } from './reading-change';
import type { OrderSighting } from '../orders/order-record';
import type { SupportDeadline } from '../orders/support-deadline';
import type { PageLink } from '../shop/contact-channels';
import type { ShopProfile } from '../shop/shop-profile';

// Every message between contexts, declared once. Senders and handlers are typed from this map;
// handlers still validate at runtime because a message is input from another process.

export interface SubmitSnapshotRequest {
  snapshot: PageSnapshot;
  /** Idempotency key: the same key never makes a second capture. */
  key: string;
  /** Random per document: lets the worker check the tab still shows the page that asked. */
  docToken: string;
  /** One-time grant the worker handed out for a capture the shopper asked for (menu, shortcut, popup). */
  manualGrant?: string;
  /** Keep this refund promise the page shows (the worker finds it on the page itself, src/shop). */
  refundPromise?: string;
}

/** Which of the two evidence stores could not take a capture the other one holds, and why. */
export interface StoreMissReply {
  store: 'indexeddb' | 'copy';
  error: string;
}

export type SubmitSnapshotResponse =
  | { ok: true; captureId: string; duplicate: boolean; screenshotError: string | null; failedStore?: StoreMissReply }
  /**
   * `retry`: not kept for a reason that can pass (the store could not write, the worker failed on
   * the way), not a decision: the same page asked again later may be kept.
   */
  | { ok: false; error: string; retry?: true };

export interface DeleteCaptureRequest {
  captureId: string;
  /** The shopper's own words, kept in the deletion entry (may be empty). */
  reason: string;
}

export type DeleteCaptureResponse = { ok: true; deletionId: string; failedStore?: StoreMissReply } | { ok: false; error: string };

export interface WhoAmIResponse {
  docToken: string;
  url: string;
}

/** The orders a page shows (the worker reads them off the page's reading). */
export interface ObserveOrdersRequest {
  /** The page the orders were seen on (must be the sender's own page). */
  url: string;
  orders: OrderSighting[];
}

/** `capture: true`: the records make the page evidence (a stall or a duplicate). */
export type ObserveOrdersResponse = { ok: true; capture: boolean } | { ok: false; error: string };

export interface SupportCaseRequest {
  caseId: string;
}

export type SupportDeadlineResponse = { ok: true; deadline: SupportDeadline } | { ok: false; error: string };

/** A page as the reader saw it after a change: the worker decides what it shows, and keeps it if it must. */
export interface PageReadRequest {
  /** Numbers this document's readings in the order they are sent. */
  seq: number;
  /** The whole reading (the first, or when the worker asked for it) … */
  snapshot?: PageSnapshot;
  /** … or what changed since the reading sent before it (reading-change.ts). */
  change?: ReadingChange;
  /** Random per document: lets the worker check the tab still shows the page that read. */
  docToken: string;
  /** Pay and contact links of the page (src/content/shop-links.ts), for "this shop" (shop-page-reports.ts). */
  links: PageLink[];
}

/**
 * Answered once the worker has decided (and, for evidence, committed the capture). `stop`: this
 * page is not to be read any more (automatic capture off, or the site on the deny list).
 */
export type PageReadResponse =
  /** `sendAgain`: what this reading shows is evidence the worker could not keep yet: send it again later. */
  | { ok: true; capture: SubmitSnapshotResponse | null; sendAgain?: true }
  /** `sendWhole`: the worker does not hold the reading a change was made from (it was restarted). */
  | { ok: false; error: string; stop: boolean; sendWhole?: true };

export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the secret fields are, in CSS pixels of the viewport, and how the page was scrolled then. */
export interface SecretRects {
  rects: ViewportRect[];
  scrollX: number;
  scrollY: number;
  devicePixelRatio: number;
}

export interface ShopProfileRequest {
  tabId: number;
}

/** `profile` is null for a tab that is not a web page. */
export type ShopProfileResponse = { ok: true; profile: ShopProfile | null } | { ok: false; error: string };

export interface SerializePageRequest {
  maxChars: number;
}

export interface SerializedPageResponse {
  html: string;
  truncated: boolean;
}

export interface PageMetrics {
  scrollWidth: number;
  scrollHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  scrollX: number;
  scrollY: number;
  devicePixelRatio: number;
}

/** One tile of a stitched full-page shot: where the page scrolled to, and the secret fields in view there. */
export interface ScrolledTile {
  x: number;
  y: number;
  secrets: ViewportRect[];
}

export interface ManualCaptureRequest {
  tabId: number;
}

/** A backup bundle built in the offscreen document, held at `url` until released. */
export type BackupBuiltResponse =
  | { ok: true; url: string; bytes: number; head: string | null; records: number }
  | { ok: false; error: string };

export type BackupNowResponse = { ok: true; file: string; bytes: number; records: number } | { ok: false; error: string };

export interface MessageMap {
  /** gate (every page) → worker: this page looks like a shop, order or payment page; read it. */
  'page:gate-open': { request: Record<string, never>; response: { ok: boolean } };
  /** reader → worker: the page as it reads now (after its first read, only when it changed). */
  'page:read': { request: PageReadRequest; response: PageReadResponse };
  /** reader → worker: the shopper asked to keep this page (a manual capture, with the worker's grant). */
  'capture:submit': { request: SubmitSnapshotRequest; response: SubmitSnapshotResponse };
  /** worker → content script (one tab, top frame): which document is this? */
  'content:whoami': { request: Record<string, never>; response: WhoAmIResponse };
  /** worker → content script: where password / card / CVV / one-time-code fields are, to paint over in the screenshot. */
  'content:secret-rects': { request: Record<string, never>; response: SecretRects };
  /** worker → content script: a stitched full-page shot is done; show the pinned headers again. */
  'content:shot-done': { request: Record<string, never>; response: { ok: true } };
  /** worker → content script: the page as masked HTML (where MHTML cannot be saved). */
  'content:serialize-page': { request: SerializePageRequest; response: SerializedPageResponse };
  /** worker → content script: page and viewport sizes, for a full-page screenshot. */
  'content:page-metrics': { request: Record<string, never>; response: PageMetrics };
  /** worker → content script: scroll to (x, y) and answer once painted, with where it really got to. */
  'content:scroll-to': { request: { x: number; y: number }; response: ScrolledTile };
  /** worker → content script: the shopper asked to keep this page; submit it with the grant. */
  'content:capture-now': { request: { grant: string }; response: SubmitSnapshotResponse };
  /** extension page (popup) → worker: keep the given tab's page as evidence now. */
  'capture:manual': { request: ManualCaptureRequest; response: SubmitSnapshotResponse };
  /** extension page → worker (refused for anyone else): remove a capture's files, record the deletion in the chain. */
  'evidence:delete': { request: DeleteCaptureRequest; response: DeleteCaptureResponse };
  /** extension page → worker: the shopper contacted support about a case; start its deadline. */
  'support:contacted': { request: SupportCaseRequest; response: SupportDeadlineResponse };
  /** extension page → worker: the case was resolved; its deadline stops. */
  'support:resolved': { request: SupportCaseRequest; response: SupportDeadlineResponse };
  /** extension page (popup) → worker: what PayWitness knows about the shop in this tab. */
  'shop:profile': { request: ShopProfileRequest; response: ShopProfileResponse };
  /** extension page → worker: write a backup bundle into Downloads now. */
  'backup:now': { request: Record<string, never>; response: BackupNowResponse };
  /** worker → its offscreen document (Chromium): build the backup bundle and hold it at a blob: URL. */
  'backup:build': { request: { version: string }; response: BackupBuiltResponse };
  /** worker → its offscreen document: the download is done; let the blob: URL go. */
  'backup:release': { request: { url: string }; response: { ok: true } };
}

export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['request'];
export type Reply<K extends MessageType> = MessageMap[K]['response'];
