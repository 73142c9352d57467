// Fields whose value is a secret the shopper typed or was sent: passwords, card numbers, CVV
// (autocomplete cc-csc), expiry, one-time codes. Their values are never read, and at the instant
// of a screenshot they are covered. Judged by type, autocomplete token, and name/id as shops name
// them when they set no autocomplete (cardNo, cvv, sms_code …).

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
