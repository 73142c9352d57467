// The first few thousand characters of a page's text, gathered without layout or a full copy of the
// document: enough for shop-signals.ts to decide whether the page deserves a real read.

/** Elements whose text is code, styles or markup, not page text. */
const RAW_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template']);
/** Scripts, style sheets and escaped markup all have one of these; most page text has none of them. */
const CODE_LIKE = /[{};=(<[]/;

export function textSample(doc: Document, maxChars = 4_000, maxNodes = 2_000): string {
  const root = doc.body;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let sample = '';
  for (let node = walker.nextNode(), seen = 0; node && sample.length < maxChars && seen < maxNodes; node = walker.nextNode(), seen++) {
    const value = node.nodeValue ?? '';
    // A text node's parent is asked only when its text could be code: every element the gate touches
    // costs this page a new wrapper (and the first of each kind its prototype) in the extension's
    // world, on every http(s) page (a third of the sample's time on ordinary pages went there).
    if (CODE_LIKE.test(value) && RAW_TEXT_PARENTS.has(node.parentElement?.localName ?? '')) continue;
    const text = value.trim();
    if (text) sample += `${text} `;
  }
  return sample.slice(0, maxChars);
}
