import { PROVINCE_BY_CHAR } from './provinces';

// An ICP filing number is what a mainland site must print in its footer: the province's
// abbreviation, "ICP备" and the filing subject's number, "号", and "-n" for the subject's n-th site
// (陕ICP备15002899号-4). The subject number has 8 digits, the first two the year of the first
// filing (京ICP备05052275号), or since about 2019 10 digits opening with the full year
// (蜀ICP备2026007879号-1). A commercial licence reads 京ICP证030173号 (6 digits). A number that
// breaks this shape is not proof of fraud, but a shopper should look it up before paying.

export type IcpProblem = 'no_province' | 'unknown_province' | 'digit_count' | 'future_year';

export interface IcpNumber {
  /** As the page printed it, without spaces (浙ICP备12345678号-1). */
  shown: string;
  /** What the official lookup takes: the subject's number without the site suffix (浙ICP备12345678号). */
  subject: string;
  kind: 'filing' | 'licence';
  /** Province code (`province_<code>` in the locales), null when the prefix is not a province. */
  province: string | null;
  /** Year of the first filing read from the number, when it carries one. */
  year: number | null;
  problems: IcpProblem[];
}

// Loose on purpose: anything a footer calls an ICP number is read, so a malformed one is reported
// rather than ignored. The character before "ICP" is the claimed province.
const CANDIDATE = /(.?)[ \t]*(ICP[ \t]*([备證证])[ \t]*(?:案[ \t]*号?)?[ \t]*[:：]?[ \t]*([0-9０-９]{3,14})(?![0-9０-９A-Za-zＸｘ])[ \t]*号?(?:[ \t]*[-－][ \t]*[0-9]{1,3})?)/gi;
const MAX_NUMBERS = 5;

export function findIcpNumbers(text: string, now: Date): IcpNumber[] {
  const found = new Map<string, IcpNumber>();
  for (const match of text.matchAll(CANDIDATE)) {
    const claimed = /[\u4e00-\u9fa5]/.test(match[1]!) ? match[1]! : '';
    const shown = `${claimed}${match[2]!}`.replace(/\s+/g, '');
    if (!found.has(shown)) found.set(shown, checked(shown, claimed, match[3]!, toAscii(match[4]!), now));
    if (found.size === MAX_NUMBERS) break;
  }
  return [...found.values()];
}

/** One number as text ("浙ICP备12345678号-1"), checked; null when it is not an ICP number at all. */
export function checkIcpNumber(shown: string, now: Date): IcpNumber | null {
  return findIcpNumbers(shown, now)[0] ?? null;
}

function checked(shown: string, claimed: string, type: string, digits: string, now: Date): IcpNumber {
  const kind = type === '备' ? 'filing' : 'licence';
  const province = PROVINCE_BY_CHAR[claimed] ?? null;
  const problems: IcpProblem[] = [];
  if (!claimed) problems.push('no_province');
  else if (!province) problems.push('unknown_province');
  const wellSized = kind === 'filing' ? digits.length === 8 || (digits.length === 10 && digits.startsWith('20')) : digits.length === 6;
  const year = kind === 'filing' && wellSized ? filingYear(digits) : null;
  if (!wellSized) problems.push('digit_count');
  else if (year !== null && year > now.getFullYear()) problems.push('future_year');
  const subject = `${claimed}ICP${kind === 'filing' ? '备' : '证'}${digits}号`;
  return { shown, subject, kind, province, year, problems };
}

/** Filing numbers began in the 2000s, so two leading digits are 20xx (99 is not 1999 but wrong). */
function filingYear(digits: string): number {
  return digits.length === 10 ? Number(digits.slice(0, 4)) : 2000 + Number(digits.slice(0, 2));
}

function toAscii(digits: string): string {
  return digits.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
}
