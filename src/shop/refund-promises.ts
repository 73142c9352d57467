import type { TextBlock } from '../detect/page-snapshot';
import { pagePart, type PagePart } from './page-part';

// A refund or after-sales promise the shop prints — "未使用的卡密 7 天内可申请退款" in a product
// description, "充值失败自动退款" in an announcement, "无条件退款" on a checkout page — is what a
// dispute turns on, so PayWitness keeps it verbatim. A promise is a clause that commits to a refund
// (可申请退款, 自动退款, 无理由退换, full refund …). Not a promise: a refusal (不支持退款, 概不退款),
// a question (可以退款吗？), a promise someone else quotes ("客服说‘7天内可退款’…"), a refund that
// already happened (已自动退款), or a process without a commitment (如需退款请联系客服).

export interface RefundPromiseSeen {
  /** The shop's sentence, verbatim (only the promising clause when the sentence is very long). */
  text: string;
  part: PagePart;
}

const PROMISE: readonly RegExp[] = [
  // 可 … 退款 within one clause, but not "可以查看退款进度" (a page feature, not a commitment).
  /(?:可|可以|能|能够|均可|即可|支持|允许|接受|保证|承诺|随时)(?:(?!查|看|进度|状态|记录|流程|入口)[^，,。；;！!？?\n]){0,12}?(?:退款|退货|退换|退还|退回|退(?![出订会房租]))/,
  /(?:自动|原路|秒|极速|即时|全额|立即)(?:退款|退回|退还)/,
  /(?:无条件|无理由)(?:退款|退货|退换)|包退|包换|假一赔[一二三十]|不满意(?:全额)?退款|退款保障|退款保证|先行赔付|秒退/,
  /\b(?:full refund|money[- ]back|refund(?:ed)? (?:within|in full)|refundable within|automatically refunded|(?:will|can|may) (?:be )?(?:fully )?refund(?:ed)?|(?:can|may) request a (?:full )?refund|eligible for a (?:full )?refund)\b/i,
];
// "不满意全额退款" is a promise; every other 不 before the refund word takes it back.
const NEGATION = /概不|一律不|均不|恕不|不予|不可|不能|不支持|不接受|不提供|不退|无法|拒绝|禁止|没有|\bnon-?refundable\b|\bno refunds?\b|\bnot (?:be )?(?:eligible|refund)|\bcannot\b|\bcan't\b|\bwon't\b|\bnever\b/i;
const ALREADY_DONE = /已(?:经)?(?:自动|全额|原路)?(?:退款|退回|退还)|退款(?:成功|完成|中)/;
const QUESTION = /[？?]|吗|么\s*$|呢\s*$|如何|怎么|怎样|能否|可否|是否|为什么|为何|^(?:Q|问|问题)\s*[:：.、]|\b(?:can i|how do|how to|is it possible)\b/i;
// Someone else's words: "客服说‘充值失败自动退款’", "they claimed “full refund”".
const REPORTED = /(?:说|称|声称|号称|宣称|写着|说好|承诺过|said|claimed|promised)\s*[:：]?\s*[「“"『‘']/i;
const MAX_TEXT = 200;
const MAX_PROMISES = 5;

export function findRefundPromises(blocks: readonly Pick<TextBlock, 'text' | 'hints'>[]): RefundPromiseSeen[] {
  const found: RefundPromiseSeen[] = [];
  for (const block of blocks) {
    const part = pagePart(block);
    if (part === 'nav') continue;
    for (const sentence of sentences(block.text)) {
      if (!PROMISE.some((pattern) => pattern.test(sentence)) || QUESTION.test(sentence) || REPORTED.test(sentence)) continue;
      const clauses = sentence.split(/(?<=[，,：:])/).filter(isPromiseClause);
      if (clauses.length === 0) continue;
      const text = sentence.length <= MAX_TEXT ? sentence : clauses[0]!.trim().slice(0, MAX_TEXT);
      if (!found.some((seen) => samePromise(seen.text, text))) found.push({ text, part });
      if (found.length === MAX_PROMISES) return found;
    }
  }
  return found;
}

/** Two texts are one promise when they differ only in spacing or full-width characters. */
export function promiseKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/[。.!！;；]+$/, '');
}

function samePromise(a: string, b: string): boolean {
  return promiseKey(a) === promiseKey(b);
}

function isPromiseClause(clause: string): boolean {
  const withoutDiscontent = clause.replace(/不满意/g, '');
  return PROMISE.some((pattern) => pattern.test(clause)) && !NEGATION.test(withoutDiscontent) && !ALREADY_DONE.test(clause);
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！!；;])|(?<=\.)\s+(?=[A-Z])|\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length >= 4);
}
