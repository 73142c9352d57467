import { beijingTime } from '../bundle-times';
import type { CaseFacts } from '../case-facts';
import { moneyText } from '../money-text';
import { orderLine, requestSentence, shopLine, timelineLines, verdictSentence } from './case-story';
import { fitAround, fitLength } from './fit-length';
import { FORM_LIMITS } from './form-limits';

// Drafts the shopper pastes into each channel, filled with the case's facts. Pure: facts in, text out.
// Each form's limited box is cut to FORM_LIMITS; the file may hold more (headings, hints) around it.

export interface ComplaintDraft {
  /** File name inside complaints/ (the channel's own name, so a shopper finds it at a glance). */
  name: string;
  text: string;
}

const BLANK = '________________';

export function complaintDrafts(facts: CaseFacts, options: { deadlineHours?: number; now: string }): ComplaintDraft[] {
  return [
    { name: '致商家客服.txt', text: shopSupportMessage(facts, options.deadlineHours ?? 24, options.now) },
    { name: '支付宝-申请售后-投诉.txt', text: alipayComplaint(facts) },
    { name: '微信支付-投诉.txt', text: wechatPayComplaint(facts) },
    { name: '12315-投诉.txt', text: complaint12315(facts) },
  ];
}

export function shopSupportMessage(facts: CaseFacts, deadlineHours: number, now: string): string {
  const deadline = beijingTime(new Date(Date.parse(now) + deadlineHours * 3_600_000).toISOString());
  const body = fitAround(
    [`您好，我在贵店（${facts.site}）的订单出现问题：${orderLine(facts)}。`, '经过如下（北京时间）：'],
    timelineLines(facts),
    [
      requestSentence(facts),
      `请在 ${deadlineHours} 小时内（北京时间 ${deadline} 前）处理并答复。逾期未处理，我将向支付平台和 12315 投诉。`,
      '以上每条记录均有带时间的截图和哈希校验的证据包，可随时提供。',
    ],
    FORM_LIMITS.shopSupport,
  );
  return `${body}\n`;
}

export function alipayComplaint(facts: CaseFacts): string {
  return paymentPlatformDraft(facts, '支付宝', '在支付宝 App 的「账单」中找到这笔付款 →「申请售后」或「对此订单有疑问」→「投诉」，把下面的“问题描述”粘贴进去，并上传 captures/ 下的 screenshot-stamped 图片。', FORM_LIMITS.alipayDescription);
}

export function wechatPayComplaint(facts: CaseFacts): string {
  return paymentPlatformDraft(facts, '微信支付', '在微信「我 → 服务 → 钱包 → 账单」中找到这笔付款 →「对订单有疑惑」→「投诉」，选择原因后把下面的“问题描述”粘贴进去，并上传 captures/ 下的 screenshot-stamped 图片。', FORM_LIMITS.wechatDescription);
}

function paymentPlatformDraft(facts: CaseFacts, channel: string, howTo: string, limit: number): string {
  const description = fitAround([`商户 ${shopLine(facts)}，${orderLine(facts)}。`], timelineLines(facts), [requestSentence(facts)], limit);
  return [
    `【${channel} 投诉草稿】`,
    howTo,
    '',
    `问题描述（已按 ${limit} 字以内整理）：`,
    description,
    '',
    `涉及金额：${moneyText(facts.amount, facts.currency) ?? '（请按账单填写）'}`,
    `商户订单号：${facts.orderId ?? '（请按账单填写）'}`,
    '',
  ].join('\n');
}

export function complaint12315(facts: CaseFacts): string {
  const factsText = fitAround([`${orderLine(facts)}。`], timelineLines(facts), [verdictSentence(facts)], FORM_LIMITS.gov12315Facts);
  return [
    '【全国12315平台 投诉草稿】 https://www.12315.cn',
    '',
    '一、投诉人（请本人填写）',
    `姓名：${BLANK}`,
    `手机号码：${BLANK}`,
    `证件号码：${BLANK}`,
    `联系地址：${BLANK}`,
    '',
    '二、被投诉人',
    `名称：${facts.shopName}`,
    `网址：${facts.site}`,
    `企业名称：${facts.companyNames.join('；') || '（页面未显示，请在网站底部或 ICP 备案查询中补充）'}`,
    `ICP 备案号：${facts.icpNumbers.join('；') || '（页面未显示）'}`,
    '',
    `三、投诉请求（${FORM_LIMITS.gov12315Request} 字以内）`,
    fitLength(requestSentence(facts), FORM_LIMITS.gov12315Request),
    '',
    `四、争议事实（按时间顺序，北京时间，${FORM_LIMITS.gov12315Facts} 字以内）`,
    factsText,
    '',
    '五、证据：本证据包（manifest.json 中每个文件都有 SHA-256，可用 README.txt 所述方法校验）及 captures/ 下的截图。',
    '',
  ].join('\n');
}
