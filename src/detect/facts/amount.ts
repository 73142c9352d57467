export interface Money {
  amount: number;
  currency: string | null;
}

const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/USDT/i, 'USDT'],
  [/[¥￥元]|CNY|RMB/i, 'CNY'],
  [/\$|USD/i, 'USD'],
];

const MONEY = /(?:([¥￥$])\s*)?(\d{1,9}(?:,\d{3})*(?:\.\d{1,8})?)\s*(元|CNY|RMB|USDT|USD)?/i;

/** Reads the first amount in a labelled value such as "¥ 10.00", "10.00元" or "12.5 USDT". */
export function parseMoney(value: string): Money | null {
  const match = MONEY.exec(value);
  if (!match?.[2]) return null;
  const amount = Number(match[2].replace(/,/g, ''));
  if (!Number.isFinite(amount)) return null;
  const marker = `${match[1] ?? ''}${match[3] ?? ''}`;
  const currency = CURRENCY_WORDS.find(([pattern]) => pattern.test(marker))?.[1] ?? null;
  return { amount, currency };
}
