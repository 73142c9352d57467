// Drafts speak the shop's language, never the shopper's UI language: Chinese shops, Alipay,
// WeChat Pay and 12315 read Chinese. The language is read from what the shop's pages showed — the
// page text, titles and messages — by counting scripts: a Han character carries about a word, a
// Latin word takes several letters, so a page is Chinese when its Han characters are at least a
// third of its Latin letters. Ids, URLs, markup and the odd English error code do not tip a Chinese
// page.

export type DraftLanguage = 'zh' | 'en';

export interface ScriptTally {
  han: number;
  latin: number;
}

export const NO_SCRIPT: ScriptTally = { han: 0, latin: 0 };

const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S+|\b[\w.-]+\.(?:com|cn|net|org|top|xyz|shop|php|html?)\b\S*/gi;
/** Order numbers, trade numbers, error codes: Latin letters mixed with digits are ids, not words. */
const ID_LIKE = /\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{4,}\b/g;
/** Markup and code a page let through (`<script>…`, `a=b`, `f()`) are not the shop's language either. */
const CODE_LIKE = /<[^>]*>|\S*[=(){};<>]\S*/g;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

export function tallyScript(text: string): ScriptTally {
  const clean = text.replace(CODE_LIKE, ' ').replace(URL_LIKE, ' ').replace(ID_LIKE, ' ');
  return { han: clean.match(HAN)?.length ?? 0, latin: clean.match(LATIN)?.length ?? 0 };
}

export function addTallies(tallies: Iterable<ScriptTally>): ScriptTally {
  let han = 0;
  let latin = 0;
  for (const tally of tallies) {
    han += tally.han;
    latin += tally.latin;
  }
  return { han, latin };
}

/** Chinese unless the pages are plainly written in a Latin script; no text at all reads as Chinese. */
export function draftLanguage(tally: ScriptTally): DraftLanguage {
  if (tally.latin === 0) return 'zh';
  return tally.han * 3 >= tally.latin ? 'zh' : 'en';
}
