import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import type { TextBlock } from '../detect/page-snapshot';
import type { Message, ShopProfileRequest, ShopProfileResponse } from '../messages/message-map';
import { isShopProfileRequest } from '../messages/validate-shop-messages';
import { safeUrl } from '../shared/safe-url';
import { refundPromiseRequestKey } from '../shop/refund-promise-record';
import type { PageLink } from '../shop/contact-channels';
import { readShopFacts, type ShopTermsDocument } from '../shop/shop-page-facts';
import type { ReadPage, ShopProfile } from '../shop/shop-profile';
import type { EvidenceDb } from '../store/open-evidence-db';
import { senderKind, type OwnIdentity, type SenderFacts } from './sender-check';
import { showShopBadge } from './shop-badge-display';
import { readShopProfile, type ShopProfileDeps } from './shop-profile-reader';
import { forgetShopPage, rememberShopPage, shopPageOf } from './shop-tab-pages';

// "This shop" in the worker. A shop page's reading (shop-page-reports.ts picks its blocks) is read
// with the worker's rules: kept for the popup, the tab's badge set, and the refund promises not kept
// on the site yet named. The popup asks for the profile of the shop in a tab (`shop:profile`, after
// its sender check; undefined for any other message).

/** What "this shop" reads of a page: its blocks that can carry a shop signal, its pay and contact links. */
export interface ShopPageReport {
  url: string;
  title: string;
  blocks: TextBlock[];
  links: PageLink[];
  /** The terms document the page is, when detection says so. */
  terms: ShopTermsDocument | null;
}

/** `keep`: the page's refund promises not kept on this site yet. */
export type ShopPageResponse = { ok: true; keep: string[] } | { ok: false; error: string };

export function handleShopMessage(
  message: unknown,
  sender: SenderFacts,
  own: OwnIdentity,
  deps: ShopProfileDeps,
): Promise<unknown> | undefined {
  const type = (message as Partial<Message> | null)?.type;
  if (type !== 'shop:profile') return undefined;
  const kind = senderKind(sender, own);
  if (kind === 'stranger') return undefined;
  if (kind !== 'extension-page') return refuse('shop:profile is answered only for PayWitness pages');
  if (!isShopProfileRequest(message)) return refuse('malformed tab id');
  return shopProfileOfTab(message, deps).catch(failure);
}

/** A page's reading, from the page itself (page-reads.ts checked the sender: a top-level page of this extension's content scripts). */
export async function reportShopPage(request: ShopPageReport, sender: SenderFacts, deps: ShopProfileDeps): Promise<ShopPageResponse> {
  const tabId = sender.tab?.id;
  const pageUrl = safeUrl(request.url);
  if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'only a top-level page can report its shop' };
  if (!pageUrl || pageUrl.origin !== safeUrl(sender.url ?? '')?.origin) return { ok: false, error: 'a page may only report itself' };
  const readAt = isoWithOffset(deps.now());
  const snapshot = { url: request.url, title: request.title, lang: '', blocks: request.blocks, seenAt: readAt, truncated: false, viewport: null };
  const facts = readShopFacts(snapshot, request.links, request.terms);
  const page = { url: request.url, title: request.title, readAt, facts };
  await rememberShopPage(tabId, page);
  const profile = await readShopProfile(pageUrl.hostname, page, deps);
  await showShopBadge(tabId, profile.badge).catch(() => undefined);
  const keep = facts.role === 'shop' ? await notKeptYet(await deps.db(), pageUrl.hostname, facts.promises.map((promise) => promise.text)) : [];
  return { ok: true, keep };
}

async function shopProfileOfTab({ tabId }: ShopProfileRequest, deps: ShopProfileDeps): Promise<ShopProfileResponse> {
  return { ok: true, profile: await profileOfTab(tabId, deps) };
}

/**
 * After a capture in the tab: its shop may have earned another badge (an open case, a stalled order).
 * A tab whose page was not read has no shop badge, so nothing is read from the store for it.
 */
export async function refreshShopBadge(tabId: number, deps: ShopProfileDeps): Promise<void> {
  const shown = await pageOfTab(tabId);
  if (!shown?.page) return;
  const profile = await readShopProfile(shown.site, shown.page, deps);
  await showShopBadge(tabId, profile.badge).catch(() => undefined);
}

/** The profile of the site a tab shows; the tab's badge is set again from it when its page was read. */
async function profileOfTab(tabId: number, deps: ShopProfileDeps): Promise<ShopProfile | null> {
  const shown = await pageOfTab(tabId);
  if (!shown) return null;
  const profile = await readShopProfile(shown.site, shown.page, deps);
  if (shown.page) await showShopBadge(tabId, profile.badge).catch(() => undefined);
  return profile;
}

/** The site of a tab's web page, and what its page showed when it is still the page read; null for other tabs. */
async function pageOfTab(tabId: number): Promise<{ site: string; page: ReadPage | null } | null> {
  const tab = await browser.tabs.get(tabId);
  const url = safeUrl(tab.url ?? '');
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  return { site: url.hostname, page: await shopPageOf(tabId, url.href) };
}

/** A promise is kept once per site: its capture's request key is already in the store. */
async function notKeptYet(db: EvidenceDb, site: string, promises: readonly string[]): Promise<string[]> {
  const keep: string[] = [];
  for (const text of promises) if (!(await db.get('requests', await refundPromiseRequestKey(site, text)))) keep.push(text);
  return keep;
}

/** A closed tab's page is forgotten (registered by the worker's entry). */
export function forgetClosedTab(tabId: number): void {
  void forgetShopPage(tabId).catch(() => undefined);
}

function refuse(error: string): Promise<{ ok: false; error: string }> {
  return Promise.resolve({ ok: false, error });
}

function failure(error: unknown): { ok: false; error: string } {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
