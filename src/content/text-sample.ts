// The first few thousand characters of a page's text, gathered without layout, a full copy of the
// document or a single element: enough for shop-signals.ts to decide whether the page deserves a
// real read.

/**
 * Whether a text has one of `{ } ; = ( < [`: scripts, style sheets and escaped markup all do, most
 * page text does not. Seven `includes`, not a pattern and not a loop: on an ordinary page this is the
 * gate's only pattern, and the first pattern a fresh extension world runs costs it ~0.5–0.9 ms; a
 * loop over the characters runs in V8's interpreter there and costs more than that on a long text
 * (scratch probes in fresh worlds, this machine).
 */
function codeLike(text: string): boolean {
  return text.includes('{') || text.includes(';') || text.includes('=') || text.includes('(') || text.includes('<') || text.includes('[') || text.includes('}');
}

/**
 * Whether a text node is the text of an element that holds code, styles or markup, not page text.
 * Asked with XPath of the text node itself, not through `parentElement`: the gate runs in the
 * extension's own world of every page, where the first element it is handed costs that page ~0.5 ms
 * (the world builds its HTMLElement and Element interfaces), more than the rest of the look.
 */
const IN_RAW_TEXT = "boolean(parent::*[local-name()='script' or local-name()='style' or local-name()='noscript' or local-name()='template'])";
const XPATH_BOOLEAN = 3; // XPathResult.BOOLEAN_TYPE

/**
 * The text of the document in document order, from its start: the title's text comes first (the
 * walk starts at the document, as starting at the body would hand this world an element).
 */
export function textSample(doc: Document, maxChars = 4_000, maxNodes = 2_000): string {
  const walker = doc.createTreeWalker(doc, 0x4 /* SHOW_TEXT */);
  let inRawText: XPathExpression | undefined;
  let sample = '';
  for (let node = walker.nextNode(), seen = 0; node && sample.length < maxChars && seen < maxNodes; node = walker.nextNode(), seen++) {
    const value = node.nodeValue ?? '';
    // Only text that could be code is asked where it sits: each question is an XPath evaluation.
    if (codeLike(value) && (inRawText ??= doc.createExpression(IN_RAW_TEXT)).evaluate(node, XPATH_BOOLEAN).booleanValue) continue;
    const text = value.trim();
    if (text) sample += `${text} `;
  }
  return sample.slice(0, maxChars);
}
