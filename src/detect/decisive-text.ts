import type { TextBlock } from './page-snapshot';

// An error string only counts where the page is saying it now: a short block of its own, not a
// sentence of an announcement, FAQ or article that quotes it ("如遇支付网关异常，请…").

const QUOTING_CONTEXT = new Set(['article', 'notice', 'nav', 'footer']);
const CONDITIONAL_BEFORE = /(如遇|如果|若是|若|假如|例如|比如|如出现|出现|提示|显示|if you|when you|if the|e\.g\.|such as)[^。.!！]*$/i;

export interface DecisiveMatch {
  block: TextBlock;
  message: string;
}

// "如支付后订单未更新，请勿重复支付" is advice: 如 opening a clause means "if".
const IF_CLAUSE = /(?:^|[，,。；;：:\s])如(?![何今此下意])[^。.!！]*$/;
// "1. 近期微信支付通道维护中…" is an item of a notice or FAQ list, not a message.
const LIST_ITEM = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]\s*\S/;
// "Error: …", "错误原因：…" introduce the message itself.
// "余额不足时请先充值", "支付网关异常怎么办": the phrase is the subject of advice or a question.
const CONDITIONAL_AFTER = /^(?:时|的时候|的话|怎么办|怎么|是什么|是怎么|何解|when\b|means\b|error means)/i;
// "Q: …" / "答：…" lines of a FAQ.
const FAQ_LEAD = /^(?:Q|A|问|答)\s*[:：.]/i;
const MESSAGE_LEAD = /^(?:error|错误(?:原因|信息|代码)?|原因|提示信息)\s*[:：]\s*/i;
const OPEN_QUOTES = /[“"「『‘'《]\s*$/;
const QUESTION = /[?？]\s*$/;

export interface DecisiveOptions {
  /** Other words a line may carry around the phrase (a title, "，请返回重试"). */
  maxExtraChars?: number;
  /** Detail a message that opens with the phrase may carry (a provider's relayed error). */
  maxDetailChars?: number;
  /** Lines that carry the phrase but mean something else ("对接站返回：余额不足" is the shop's). */
  reject?: RegExp;
}

export function findDecisive(blocks: readonly TextBlock[], pattern: RegExp, options: DecisiveOptions = {}): DecisiveMatch | null {
  const maxExtra = options.maxExtraChars ?? 30;
  const maxDetail = options.maxDetailChars ?? maxExtra * 4;
  for (const block of blocks) {
    if (block.hints.some((hint) => QUOTING_CONTEXT.has(hint))) continue;
    for (const line of block.text.split('\n')) {
      const text = line.replace(/\s+/g, ' ').trim().replace(MESSAGE_LEAD, '');
      if (LIST_ITEM.test(text) || FAQ_LEAD.test(text)) continue;
      const match = pattern.exec(text);
      if (!match || options.reject?.test(text)) continue;
      // A message that opens with the phrase may carry the provider's detail after it.
      const allowed = match.index === 0 ? Math.max(maxDetail, maxExtra) : maxExtra;
      if (text.length - match[0].length > allowed) continue;
      const before = text.slice(0, match.index);
      if (CONDITIONAL_BEFORE.test(before) || IF_CLAUSE.test(before)) continue;
      if (CONDITIONAL_AFTER.test(text.slice(match.index + match[0].length).trimStart())) continue;
      // Quoted ("…提示“支付网关异常”") or asked about ("What does … mean?"): someone talks about it.
      if (OPEN_QUOTES.test(before) || QUESTION.test(text)) continue;
      return { block, message: text };
    }
  }
  return null;
}
