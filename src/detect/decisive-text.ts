// A message counts only where the page is saying it now, not where someone talks about it: an
// announcement, FAQ or article quoting it ("如遇支付网关异常，请…"), a question about it, advice
// ("余额不足时请先充值"), a numbered notice item. Used on every candidate line before the tables are
// asked, and around the phrase a table found.

// 出现 alone ("您的操作出现异常") says nothing about quoting; "提示“…" is caught by the quotes.
const CONDITIONAL_BEFORE = /(如遇|如果|若是|若|假如|例如|比如|如出现|if you|when you|if the|e\.g\.|such as)[^。.!！]*$/i;
// "…后微信H5一直提示商家参数格式有误": someone reporting what a page said (提示 / 显示 / 报错 after words of their own).
const REPORTED = /\S{2,}(?:一直|总是|老是|还是|又|会)?(?:提示|显示|报错|弹出)(?:说)?\s*$/;
// "如支付后订单未更新，请勿重复支付" is advice: 如 opening a clause means "if".
const IF_CLAUSE = /(?:^|[，,。；;：:\s])如(?![何今此下意])[^。.!！]*$/;
// "1. 近期微信支付通道维护中…" is an item of a notice or FAQ list, not a message.
const LIST_ITEM = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]\s*\S/;
// "余额不足时请先充值", "支付网关异常怎么办": the phrase is the subject of advice or a question.
const CONDITIONAL_AFTER = /^(?:时|的时候|的话|怎么办|怎么|是什么|是怎么|何解|when\b|means\b|error means)/i;
// "Q: …" / "答：…" lines of a FAQ.
const FAQ_LEAD = /^(?:Q|A|问|答)\s*[:：.]/i;
const OPEN_QUOTES = /[“"「『‘'《]\s*$/;
const QUESTION = /[?？]\s*$/;
/** "Error: …", "错误原因：…" introduce the message itself. */
export const MESSAGE_LEAD = /^(?:error|错误(?:原因|信息|代码)?|原因|提示信息|提示|温馨提示|系统提示|错误提示)\s*[:：]\s*/i;

// "Payments · Fraud · Growth", "首页 | 订单查询 | 支付失败怎么办": a menu of links, not a sentence.
const MENU = /^[^·|•/]{1,24}(?:\s*[·|•/]\s*[^·|•/]{1,24}){2,}$/;

// "关于工商银行系统升级维护的公告", "【公告】…", "通知：…": a headline of news about the shop.
const ANNOUNCEMENT_LINE = /^(?:关于.{2,40}的(?:公告|通知|说明)|【\s*(?:公告|通知|维护通知|系统公告|重要通知)\s*】|(?:公告|通知|系统公告|网站公告|站点公告)\s*[:：])/;

/**
 * A line that, as a whole, talks about messages rather than showing one. Inside a message surface
 * a line is the message: a question mark or a "1|微信 2|支付宝" list of options is its wording
 * there, so only the FAQ, notice-item and announcement forms still mark talk.
 */
export function isTalkedAbout(line: string, inSurface = false): boolean {
  const text = line.replace(MESSAGE_LEAD, '');
  if (LIST_ITEM.test(text) || FAQ_LEAD.test(text) || ANNOUNCEMENT_LINE.test(text)) return true;
  return !inSurface && (QUESTION.test(text) || MENU.test(text));
}

/** The words around a phrase make it a quotation, a condition or advice. */
export function phraseIsTalkedAbout(before: string, after: string): boolean {
  const lead = before.replace(MESSAGE_LEAD, '');
  return (
    CONDITIONAL_BEFORE.test(lead) ||
    IF_CLAUSE.test(lead) ||
    OPEN_QUOTES.test(lead) ||
    REPORTED.test(lead) ||
    CONDITIONAL_AFTER.test(after.trimStart())
  );
}
