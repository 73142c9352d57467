// The first few thousand characters of a page's text, gathered without layout, a full copy of the
// document or a single element: enough for shop-signals.ts to decide whether the page deserves a
// real read.

/**
 * Whether a text is code or markup, not page text, told from its characters alone: style sheets,
 * scripts and JSON have braces on both sides, and the markup a `<noscript>` holds (parsed as raw
 * text while scripts run) is a tag from end to end. The text is not asked where it sits: the only
 * ways to ask cost the gate's first look in a fresh extension world more than the rest of the walk —
 * an XPath question 0.45–1 ms, the first element handed to the world ~0.5 ms (it builds the
 * element interfaces) — and nearly every page has a style sheet or script in its head, so every page
 * paid one (scratch probes in fresh worlds, this machine: the walk 1.6–5.0 ms with the question,
 * 0.6–2.8 ms without). What this gives up, on purpose: a short script without braces
 * (`gtag('js', new Date());`) is read as text — a few characters of the sample, never a page
 * turned away — and page text with braces on both sides (a code sample, a template not yet filled
 * in) is left out, which the gate has no use for.
 */
function codeOrMarkup(text: string): boolean {
  return (text.includes('{') && text.includes('}')) || (text.startsWith('<') && text.endsWith('>'));
}

/**
 * The text of the document in document order, from its start: the title's text comes first (the
 * walk starts at the document, as starting at the body would hand this world an element).
 */
export function textSample(doc: Document, maxChars = 4_000, maxNodes = 2_000): string {
  const walker = doc.createTreeWalker(doc, 0x4 /* SHOW_TEXT */);
  let sample = '';
  for (let node = walker.nextNode(), seen = 0; node && sample.length < maxChars && seen < maxNodes; node = walker.nextNode(), seen++) {
    const text = (node.nodeValue ?? '').trim();
    if (text && !codeOrMarkup(text)) sample += `${text} `;
  }
  return sample.slice(0, maxChars);
}
