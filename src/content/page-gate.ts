import { looksLikeShopPage } from '../detect/shop-signals';
import { textSample } from './text-sample';

// The gate's question, asked with what is free to get: the URL, the title and the first few
// thousand characters of text (no layout, no style). The user's allow and deny lists are the
// worker's to apply (an allowed site gets the reader straight from the browser: allowed-sites.ts).

/** A page the first look turned away is looked at once more this long after it (gate.ts). */
export const LOOK_AGAIN_AFTER_MS = 3_000;

export function pageLooksLikeShop(doc: Document): boolean {
  const url = doc.location?.href ?? doc.URL;
  return /^https?:/i.test(url) && looksLikeShopPage(url, doc.title, textSample(doc));
}
