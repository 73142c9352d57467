import { redactText } from '../privacy/redact-text';
import { isSecretField } from './secret-fields';

// The HTML snapshot where the browser cannot save MHTML: the live DOM serialised from a copy.
// The copy drops scripts (not evidence, and they may carry tokens), drops every form value, and
// masks card / 身份证 / phone numbers in text and attributes as the page text is masked.

export interface SerializedPage {
  html: string;
  truncated: boolean;
}

export function serializePage(doc: Document, maxChars: number): SerializedPage {
  const copy = doc.documentElement.cloneNode(true) as HTMLElement;
  for (const el of Array.from(copy.querySelectorAll('script, noscript'))) el.remove();
  for (const el of Array.from(copy.querySelectorAll('input, textarea'))) {
    if (isSecretField(el) || el.tagName === 'TEXTAREA' || !(el as HTMLInputElement).readOnly) el.removeAttribute('value');
    if (el.tagName === 'TEXTAREA') el.textContent = '';
  }
  const walker = doc.createTreeWalker(copy, 0x1 | 0x4);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (node.nodeValue && /\d/.test(node.nodeValue)) node.nodeValue = redactText(node.nodeValue).text;
      continue;
    }
    for (const attribute of Array.from((node as Element).attributes)) {
      if (/\d{4}/.test(attribute.value)) attribute.value = redactText(attribute.value).text;
    }
  }
  if (!copy.querySelector('head > base')) {
    const base = doc.createElement('base');
    base.href = doc.baseURI;
    copy.querySelector('head')?.prepend(base);
  }
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  const html = doctype + copy.outerHTML;
  if (html.length <= maxChars) return { html, truncated: false };
  const note = '\n<!-- PayWitness: the page was larger than the snapshot limit; the rest is not included. -->\n';
  return { html: html.slice(0, maxChars - note.length) + note, truncated: true };
}
