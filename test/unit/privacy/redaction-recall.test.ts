import { describe, expect, it } from 'vitest';
import { hasIssuerRange, passesLuhn } from '../../../src/privacy/card-number';
import { redactText } from '../../../src/privacy/redact-text';
import {
  generateCard,
  generateIdNumber,
  generateOldIdNumber,
  generatePhone,
  groupedAsPrinted,
  ORDER_CONTEXTS,
  ORDER_ID_SYSTEMS,
  SENSITIVE_CONTEXTS,
  seededRng,
  withLuhn,
} from '../../helpers/sensitive-numbers';

// Recall and false positives measured on a generated set (seeded, so reproducible). The counts are
// printed so the run log shows what was measured, not just that it passed.

const PER_KIND = 3_000;
const PER_SYSTEM = 2_000;
const rng = seededRng(20261128);
const pickContext = <T extends string>(contexts: readonly T[]) => contexts[Math.floor(rng() * contexts.length)]!;

/** The number no longer appears, and its kept characters are exactly the ones the policy allows. */
function expectMasked(number: string, keepHead: number, text: string): void {
  const output = redactText(text).text;
  const flat = output.replace(/[ -]/g, '');
  const expected = number.slice(0, keepHead) + '*'.repeat(number.length - keepHead - 4) + number.slice(-4);
  if (flat.includes(number) || !flat.includes(expected)) throw new Error(`not masked: ${JSON.stringify(text)} → ${JSON.stringify(output)}`);
}

describe('redaction recall on a generated set', () => {
  it(`masks 100% of ${PER_KIND} valid cards, ${PER_KIND} 身份证 and ${PER_KIND} phones; keeps every order id`, () => {
    const schemes = new Map<string, number>();
    for (let i = 0; i < PER_KIND; i++) {
      const card = generateCard(rng);
      schemes.set(card.scheme, (schemes.get(card.scheme) ?? 0) + 1);
      expectMasked(card.number, 0, pickContext(SENSITIVE_CONTEXTS).replace('{}', groupedAsPrinted(rng, card.number)));
    }
    for (let i = 0; i < PER_KIND; i++) {
      const id = generateIdNumber(rng);
      expectMasked(id, 0, pickContext(SENSITIVE_CONTEXTS).replace('{}', rng() < 0.8 ? id : groupedAsPrinted(rng, id)));
    }
    for (let i = 0; i < PER_KIND; i++) {
      const old = generateOldIdNumber(rng);
      expectMasked(old, 0, `${rng() < 0.5 ? '身份证号：' : '证件号码 '}${old}`);
    }
    for (let i = 0; i < PER_KIND; i++) {
      const phone = generatePhone(rng);
      expectMasked(phone, 3, pickContext(SENSITIVE_CONTEXTS).replace('{}', groupedAsPrinted(rng, phone)));
    }

    let orderIds = 0;
    let luhnValid = 0;
    let luhnValidInCardRange = 0;
    const wronglyMasked: string[] = [];
    for (const [system, generate] of ORDER_ID_SYSTEMS) {
      for (let i = 0; i < PER_SYSTEM; i++) {
        const id = generate(rng);
        orderIds++;
        if (/^\d{13,19}$/.test(id) && passesLuhn(id)) {
          luhnValid++;
          if (hasIssuerRange(id)) luhnValidInCardRange++;
        }
        // With an order label, and bare (an id in a URL path, a table cell of its own).
        for (const text of [pickContext(ORDER_CONTEXTS).replace('{}', id), id, `/user/orders/${id}`]) {
          if (redactText(text).text !== text) wronglyMasked.push(`${system}: ${text}`);
        }
      }
    }
    // The hard case: numeric trade numbers that pass Luhn inside a card range (62…, 19 digits).
    let hard = 0;
    for (let i = 0; i < PER_SYSTEM; i++) {
      const tradeNo = withLuhn(`62${String(Math.floor(rng() * 1e16)).padStart(16, '0')}`);
      hard++;
      const text = pickContext(ORDER_CONTEXTS).replace('{}', tradeNo);
      if (redactText(text).text !== text) wronglyMasked.push(`labelled 62… trade number: ${text}`);
    }

    console.info(
      `[redaction] masked ${PER_KIND}/${PER_KIND} cards (${[...schemes].map(([s, n]) => `${s} ${n}`).join(', ')}), ` +
        `${PER_KIND}/${PER_KIND} 18-char 身份证, ${PER_KIND}/${PER_KIND} labelled 15-digit 身份证, ${PER_KIND}/${PER_KIND} phones; ` +
        `order ids: ${orderIds} across ${ORDER_ID_SYSTEMS.length} systems (${luhnValid} of them numeric and Luhn-valid, ` +
        `${luhnValidInCardRange} in a card range) + ${hard} labelled Luhn-valid 62… trade numbers; wrongly masked: ${wronglyMasked.length}`,
    );
    expect(wronglyMasked.slice(0, 5)).toEqual([]);
    expect(luhnValid).toBeGreaterThan(500); // the set really contains the Luhn-valid trade numbers
  });
});
