// Bank card numbers: the Luhn check digit plus the issuer ranges (IIN) and lengths of the schemes a
// shopper on a Chinese card shop pays with. The range check is what keeps date-stamped trade numbers
// (20241128123456 + random digits) from being taken for cards: no scheme here issues cards from
// 2000–2220. Mir (2200–2204) is left out on purpose: it is not used on these shops, and its range
// would swallow 2-digit-year trade numbers from January–April 2022 (2201…).

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

interface IssuerRange {
  /** Inclusive prefix range, both of the same length. */
  from: string;
  to: string;
  lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19] as const;

// Public scheme tables (ISO/IEC 7812 IIN ranges as published by the schemes).
const ISSUER_RANGES: readonly IssuerRange[] = [
  { from: '4', to: '4', lengths: [13, 16, 19] }, // Visa
  { from: '51', to: '55', lengths: [16] }, // Mastercard
  { from: '2221', to: '2720', lengths: [16] }, // Mastercard 2-series
  { from: '34', to: '34', lengths: [15] }, // American Express
  { from: '37', to: '37', lengths: [15] },
  { from: '62', to: '62', lengths: SIXTEEN_TO_NINETEEN }, // UnionPay
  { from: '81', to: '81', lengths: SIXTEEN_TO_NINETEEN }, // UnionPay 81 range
  { from: '3528', to: '3589', lengths: SIXTEEN_TO_NINETEEN }, // JCB
  { from: '6011', to: '6011', lengths: SIXTEEN_TO_NINETEEN }, // Discover
  { from: '644', to: '649', lengths: SIXTEEN_TO_NINETEEN },
  { from: '65', to: '65', lengths: SIXTEEN_TO_NINETEEN },
  { from: '300', to: '305', lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { from: '36', to: '36', lengths: [14, 15, 16, 17, 18, 19] },
  { from: '38', to: '39', lengths: [14, 15, 16, 17, 18, 19] },
  { from: '50', to: '50', lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { from: '56', to: '58', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { from: '60', to: '60', lengths: SIXTEEN_TO_NINETEEN }, // domestic debit (e.g. RuPay, bank BINs)
  { from: '63', to: '63', lengths: SIXTEEN_TO_NINETEEN },
  { from: '67', to: '69', lengths: [13, 14, 15, 16, 17, 18, 19] },
];

/** Issued by a known scheme at this length (no Luhn check). */
export function hasIssuerRange(digits: string): boolean {
  return ISSUER_RANGES.some((range) => {
    if (!range.lengths.includes(digits.length)) return false;
    const prefix = digits.slice(0, range.from.length);
    return prefix >= range.from && prefix <= range.to;
  });
}

/** 13–19 digits passing Luhn: the number printed on a bank card. */
export function isCardNumberShape(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && passesLuhn(digits);
}
