import { idCheckChar } from '../../src/privacy/china-id-number';

// Generates the redaction test set: valid bank cards across issuer ranges, valid 身份证 numbers with
// real region codes and birth dates, mainland mobile numbers, and the order ids of each shop system.
// Deterministic (seeded) so a failure names a number that can be reproduced.

export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(Math.floor(rng() * 10))).join('');
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function withLuhn(body: string): string {
  return body + luhnCheckDigit(body);
}

/** [scheme, prefix generator, lengths] */
const CARD_SCHEMES: ReadonlyArray<[string, (rng: Rng) => string, readonly number[]]> = [
  ['UnionPay 62', (rng) => `62${digits(rng, 4)}`, [16, 17, 18, 19]],
  ['UnionPay 622126-622925', (rng) => String(between(rng, 622126, 622925)), [16, 19]],
  ['Visa', (rng) => `4${digits(rng, 5)}`, [13, 16, 19]],
  ['Mastercard 51-55', (rng) => String(between(rng, 51, 55)) + digits(rng, 4), [16]],
  ['Mastercard 2221-2720', (rng) => String(between(rng, 2221, 2720)) + digits(rng, 2), [16]],
  ['Amex', (rng) => pick(rng, ['34', '37']) + digits(rng, 4), [15]],
  ['JCB', (rng) => String(between(rng, 3528, 3589)) + digits(rng, 2), [16, 19]],
  ['Discover', (rng) => pick(rng, ['6011', '65', '644', '649']).padEnd(6, '0'), [16, 19]],
  ['Diners', (rng) => pick(rng, ['36', '300', '305', '38']).padEnd(6, '1'), [14, 16]],
  ['Maestro', (rng) => pick(rng, ['50', '56', '58', '67', '69']) + digits(rng, 4), [13, 16, 19]],
];

export interface GeneratedCard {
  scheme: string;
  number: string;
}

export function generateCard(rng: Rng): GeneratedCard {
  const [scheme, prefix, lengths] = pick(rng, CARD_SCHEMES);
  const length = pick(rng, lengths);
  const head = prefix(rng);
  return { scheme, number: withLuhn(head + digits(rng, length - 1 - head.length)) };
}

/** Real GB/T 2260 county-level codes from many provinces. */
const REGIONS = [
  '110101', '110105', '120101', '130102', '140105', '150102', '210102', '220102', '230102', '310101',
  '310104', '310115', '320102', '320505', '330106', '340102', '350203', '360102', '370202', '410105',
  '420111', '430104', '440106', '440305', '450103', '460106', '500103', '510107', '520102', '530102',
  '540102', '610113', '620102', '630104', '640104', '650102', '710000', '810000', '820000',
];

export function generateIdNumber(rng: Rng): string {
  const year = between(rng, 1940, 2012);
  const month = between(rng, 1, 12);
  const day = between(rng, 1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const first17 = `${pick(rng, REGIONS)}${year}${pad(month, 2)}${pad(day, 2)}${digits(rng, 3)}`;
  return first17 + idCheckChar(first17);
}

export function generateOldIdNumber(rng: Rng): string {
  const year = between(rng, 30, 99);
  const month = between(rng, 1, 12);
  const day = between(rng, 1, 28);
  return `${pick(rng, REGIONS)}${pad(year, 2)}${pad(month, 2)}${pad(day, 2)}${digits(rng, 3)}`;
}

export function generatePhone(rng: Rng): string {
  return `1${between(rng, 3, 9)}${digits(rng, 9)}`;
}

// ---- ordinary order ids, per system ----

function stamp(rng: Rng, fullYear: boolean): string {
  const year = between(rng, 2019, 2026);
  const parts = [between(rng, 1, 12), between(rng, 1, 28), between(rng, 0, 23), between(rng, 0, 59), between(rng, 0, 59)];
  return (fullYear ? String(year) : pad(year % 100, 2)) + parts.map((p) => pad(p, 2)).join('');
}

const ALNUM_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const alnum = (rng: Rng, n: number, alphabet = ALNUM_UPPER) =>
  Array.from({ length: n }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');

export const ORDER_ID_SYSTEMS: ReadonlyArray<[string, (rng: Rng) => string]> = [
  // dujiaoka: strtoupper(Str::random(16))
  ['dujiaoka order_sn', (rng) => alnum(rng, 16)],
  // 易支付: date('YmdHis') . rand(11111, 99999) — 19 digits, and ~1 in 10 passes Luhn
  ['epay trade_no', (rng) => stamp(rng, true) + String(between(rng, 11111, 99999))],
  ['epay out_trade_no (shop)', (rng) => stamp(rng, true) + digits(rng, 3)],
  // acg-faka style: 2-digit year stamp + random digits
  ['acg-faka trade_no', (rng) => stamp(rng, false) + digits(rng, 6)],
  ['zfaka orderid', (rng) => `zlkb${stamp(rng, true)}${digits(rng, 4)}`],
  ['kamiFaka out_order_id', (rng) => alnum(rng, 20, 'abcdefghijklmnopqrstuvwxyz0123456789')],
  ['Alipay trade_no', (rng) => `${stamp(rng, true).slice(0, 8)}22001${digits(rng, 15)}`],
  ['WeChat transaction_id', (rng) => `42000${digits(rng, 5)}${stamp(rng, true).slice(0, 8)}${digits(rng, 10)}`],
  ['millisecond timestamp id', (rng) => String(between(rng, 1_600_000_000, 1_800_000_000)) + digits(rng, 3)],
];

/** Order-id contexts as shops print them; `{}` is the id. */
export const ORDER_CONTEXTS = [
  '订单号：{}',
  '订单号 {}',
  '订单编号: {}',
  '交易号：{}',
  '商户单号 {}',
  '流水号:{}',
  'trade_no={}',
  'out_trade_no: {}',
  'Order ID: {}',
  '订单号\n{}',
  '支付单号【{}】',
] as const;

/** Contexts a card, ID or phone number appears in: with and without labels, amid other text. */
export const SENSITIVE_CONTEXTS = [
  '{}',
  '付款信息 {} 已提交',
  '卡号：{}',
  '银行卡 {}',
  '信用卡号码: {}',
  'Card number: {}',
  '身份证号：{}',
  '联系电话 {}',
  '手机号：{}，请保持畅通',
  '(尾号){}',
  '订单号：2024112812345678901\n{}',
] as const;

export function groupedAsPrinted(rng: Rng, number: string): string {
  const style = Math.floor(rng() * 3);
  if (style === 0 || number.length > 19) return number;
  const separator = style === 1 ? ' ' : '-';
  if (number.length === 11) return [number.slice(0, 3), number.slice(3, 7), number.slice(7)].join(separator);
  if (number.length === 15) return [number.slice(0, 4), number.slice(4, 10), number.slice(10)].join(separator);
  return number.match(/.{1,4}/g)!.join(separator);
}
