// Shop pages print local times with no zone; the systems we cover run on Asia/Shanghai (+08:00).

const SHOWN = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?/;

// English shops print "Nov 27, 2026 21:14" (still shop-local time).
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})(?:,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?/i;

// "26/11/2026 14:05": day and month are told apart only when one of them is above 12.
const DAY_FIRST = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

export function parseShownTime(value: string): string | null {
  const english = ENGLISH.exec(value);
  const dayFirst = english ? null : DAY_FIRST.exec(value);
  if (dayFirst && !SHOWN.test(value)) return parseShownTime(value.replace(DAY_FIRST, (_, a: string, b: string, y: string) => (Number(a) > 12 ? `${y}-${b}-${a}` : Number(b) > 12 ? `${y}-${a}-${b}` : '')));
  const numeric = english
    ? `${english[3]}-${MONTHS.indexOf(english[1]!.slice(0, 3).toLowerCase()) + 1}-${english[2]} ${twelveHour(english[4], english[7])}:${english[5] ?? '00'}:${english[6] ?? '00'}`
    : value;
  const m = SHOWN.exec(numeric);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const nums = [mo, d, h, mi, s].map((part) => Number(part));
  const [month, day, hour, minute, second] = nums as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const offset = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso = `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** "8:47 PM" → 20. */
function twelveHour(hour: string | undefined, half: string | undefined): string {
  if (hour === undefined) return '0';
  const h = Number(hour) % 12;
  return String(half?.toUpperCase() === 'PM' ? h + 12 : half ? h : Number(hour));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
