export interface Money {
  amount: number;
  currency: string | null;
}

// The marker printed with an amount says its currency: ¥ ￥ 元 CNY RMB, $ US$ USD, NT$ TWD, HK$
// HKD, USDT (and "credits" of a shop's own, which have no currency). The order matters: "NT$" and
// "HK$" before a bare "$".
const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/USDT/i, 'USDT'],
  [/NT\$|TWD|新台幣|新台币/i, 'TWD'],
  [/HK\$|HKD|港幣|港币/i, 'HKD'],
  [/[¥￥元]|CNY|RMB|人民币/i, 'CNY'],
  [/US\$|\$|USD/i, 'USD'],
];

const MONEY = /(?:(NT\$|HK\$|US\$|[¥￥$])\s*)?(\d{1,9}(?:,\d{3})*(?:\.\d{1,8})?)\s*(元|CNY|RMB|USDT|USD|TWD|HKD)?/i;

/** Reads the first amount in a labelled value such as "¥ 10.00", "10.00元", "NT$3,290" or "12.5 USDT". */
export function parseMoney(value: string): Money | null {
  const match = MONEY.exec(value);
  if (!match?.[2]) return null;
  const amount = Number(match[2].replace(/,/g, ''));
  if (!Number.isFinite(amount)) return null;
  const marker = `${match[1] ?? ''}${match[3] ?? ''}`;
  const currency = CURRENCY_WORDS.find(([pattern]) => pattern.test(marker))?.[1] ?? null;
  return { amount, currency };
}
