// The 统一社会信用代码 (GB 32100-2015) is the 18-character number on a Chinese business licence,
// and the surest key for the national enterprise credit lookup. Its last character is a check
// character over the first 17, so a mistyped or invented code is caught here without asking anyone.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Only where the page says what the number is: an 18-character run elsewhere is an order id.
const LABELLED = /(?:统一社会信用代码|信用代码|社会信用代码|营业执照(?:注册)?号?)\s*[:：]?\s*([0-9A-Za-z]{18})(?![0-9A-Za-z])/g;

export interface CreditCode {
  code: string;
  valid: boolean;
}

export function findCreditCodes(text: string): CreditCode[] {
  const codes = new Map<string, CreditCode>();
  for (const match of text.matchAll(LABELLED)) {
    const code = match[1]!.toUpperCase();
    codes.set(code, { code, valid: isValidCreditCode(code) });
  }
  return [...codes.values()].slice(0, 3);
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += ALPHABET.indexOf(code[index]!) * WEIGHTS[index]!;
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}
