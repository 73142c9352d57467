import type { SecretRects, ViewportRect } from '../messages/message-map';

// Fields whose value is a secret the shopper typed or was sent: passwords, card numbers, CVV
// (autocomplete cc-csc), expiry, one-time codes. Their values are never read, and every screenshot
// is painted over where they are (src/background/secret-covers.ts) before it is kept. Judged by
// type, autocomplete token, and name/id as shops name them when they set no autocomplete (cardNo,
// cvv, sms_code …).

const SECRET_AUTOCOMPLETE = /\b(cc-number|cc-csc|cc-exp(-month|-year)?|one-time-code|current-password|new-password)\b/i;
const SECRET_NAME =
  /(pass(word|wd)?|pwd|cvv|cvc|cvn|csc|card[-_]?(no|num|number)|cardno|bank[-_]?card|otp|one[-_]?time|sms[-_]?code|verify[-_]?code|captcha[-_]?code|pay[-_]?pin|pin[-_]?code|^pin$)/i;

export function isSecretField(el: Element): boolean {
  if (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') return false;
  const field = el as HTMLInputElement | HTMLTextAreaElement;
  if (el.tagName === 'INPUT' && (field as HTMLInputElement).type === 'password') return true;
  const autocomplete = field.getAttribute('autocomplete') ?? '';
  if (SECRET_AUTOCOMPLETE.test(autocomplete)) return true;
  return SECRET_NAME.test(field.getAttribute('name') ?? '') || SECRET_NAME.test(field.id ?? '');
}

/** Every secret field in the document, including ones inside open shadow roots. */
export function secretFields(doc: Document): Element[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('input, textarea'))) if (isSecretField(el)) found.push(el);
    for (const host of Array.from(root.querySelectorAll('*'))) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(doc);
  return found;
}

/** Where every secret field is drawn now, in viewport CSS pixels (boxes of no size left out). */
export function secretFieldRects(doc: Document): SecretRects {
  const view = doc.defaultView;
  const rects: ViewportRect[] = [];
  for (const field of secretFields(doc)) {
    const { left, top, width, height } = field.getBoundingClientRect();
    if (width > 0 && height > 0) rects.push({ left, top, width, height });
  }
  return { rects, scrollX: view?.scrollX ?? 0, scrollY: view?.scrollY ?? 0, devicePixelRatio: view?.devicePixelRatio ?? 1 };
}
