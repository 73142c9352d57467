// 居民身份证号码 (GB 11643-1999): 6-digit region code, birth date, sequence, and for the 18-character
// form an ISO 7064 MOD 11-2 check character. The 15-digit form (before 1999) has no check
// character, so on its own it is indistinguishable from an order number; callers require a label.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits: the provinces, autonomous regions and municipalities of GB/T 2260. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isChinaIdNumber18(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!hasRegionAndBirth(value.slice(0, 6), value.slice(6, 14))) return false;
  return idCheckChar(value.slice(0, 17)) === value[17]!.toUpperCase();
}

/** The 15-digit form: region + YYMMDD (19YY) + sequence. No checksum exists. */
export function isChinaIdNumber15(value: string): boolean {
  return /^\d{15}$/.test(value) && hasRegionAndBirth(value.slice(0, 6), `19${value.slice(6, 12)}`);
}

function hasRegionAndBirth(region: string, yyyymmdd: string): boolean {
  if (!PROVINCES.has(Number(region.slice(0, 2)))) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1880 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
