import { textSaysShop, urlOrTitleSaysShop } from '../detect/shop-signals';
import { textSample } from './text-sample';

// The gate's question, asked with what is free to get: the URL, the title and the first few
// thousand characters of text (no layout, no style). The user's allow and deny lists are the
// worker's to apply (an allowed site gets the reader straight from the browser: allowed-sites.ts).

/** A page the first look turned away is looked at once more this long after it (gate.ts). */
export const LOOK_AGAIN_AFTER_MS = 3_000;

export function pageLooksLikeShop(doc: Document): boolean {
  return lookAtPage(doc).shop;
}

/**
 * The gate's look; `fullSample`: the page already had a whole sample's worth of text, so it has
 * rendered (a page still being built by script has little text at idle, and is looked at again).
 */
export function lookAtPage(doc: Document): { shop: boolean; fullSample: boolean } {
  // doc.URL, not location.href: the same string, without making a Location object in this world. Its
  // scheme is always in lower case (the URL standard serialises it so).
  const url = doc.URL;
  if (!url.startsWith('http:') && !url.startsWith('https:')) return { shop: false, fullSample: true };
  const title = doc.title;
  // Most shop, order and gateway pages say so in their URL or title: their text is not walked then
  // (`npm run bench -- --ab`, CPU: the next page of a site 0.03–0.98 ms cheaper on the 12 shop pages,
  // 3.4 ms on the 150-row one; on the first page no difference showed through its noise).
  if (urlOrTitleSaysShop(url, title)) return { shop: true, fullSample: true };
  const sample = textSample(doc, SAMPLE_CHARS);
  return { shop: textSaysShop(title, sample), fullSample: sample.length >= SAMPLE_CHARS };
}

const SAMPLE_CHARS = 4_000;
