// The first few thousand characters of a page's text, gathered without layout or a full copy of the
// document: enough for shop-signals.ts to decide whether the page deserves a real read.

export function textSample(doc: Document, maxChars = 4_000, maxNodes = 2_000): string {
  const root = doc.body;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let sample = '';
  for (let node = walker.nextNode(), seen = 0; node && sample.length < maxChars && seen < maxNodes; node = walker.nextNode(), seen++) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE') continue;
    const text = node.nodeValue?.trim();
    if (text) sample += `${text} `;
  }
  return sample.slice(0, maxChars);
}
