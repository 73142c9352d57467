import type { Party } from '../../cases/case-claim';
import type { PaymentChannel } from '../../checklist/refund-checklist';
import { beijingTime } from '../bundle-times';
import type { CaseFacts } from '../case-facts';
import { caseStory, type Story } from './case-story';
import { fitParts, type DraftPart } from './fit-length';
import { FORM_LIMITS } from './form-limits';

// The drafts a shopper sends as they are: one per party on the case's route (src/cases/case-claim.ts),
// numbered in the order to use them, each wholly in the shop's language, each limited box cut to its
// form's limit (form-limits.ts). No route — nothing paid, the shopper's own side, settled — no
// draft. Pure: facts in, text out.

export type DraftChannel = 'shop' | 'alipay' | 'wechat' | '12315';

export interface ComplaintDraft {
  channel: DraftChannel;
  /** File name inside complaints/, numbered in the order the drafts are to be used. */
  name: string;
  text: string;
  /** The boxes of the channel's form as the draft fills them, each within FORM_LIMITS. */
  boxes: Record<string, string>;
}

export interface DraftOptions {
  deadlineHours?: number;
  /** When the bundle is made: the support deadline counts from it. */
  now: string;
}

const FILE_NAMES: Record<DraftChannel, { zh: string; en: string }> = {
  shop: { zh: '致商家客服.txt', en: 'to-shop-support.txt' },
  alipay: { zh: '支付宝-投诉.txt', en: 'alipay-complaint.txt' },
  wechat: { zh: '微信支付-投诉.txt', en: 'wechat-pay-complaint.txt' },
  '12315': { zh: '12315-投诉.txt', en: '12315-complaint.txt' },
};

export function draftChannels(route: readonly Party[], channels: readonly PaymentChannel[]): DraftChannel[] {
  // Without a known payment channel both platforms get a draft: the shopper knows how they paid.
  const platforms: DraftChannel[] = channels.length ? [...channels] : ['alipay', 'wechat'];
  return route.flatMap((party): DraftChannel[] => (party === 'payment_platform' ? platforms : [party]));
}

export function complaintDrafts(facts: CaseFacts, options: DraftOptions): ComplaintDraft[] {
  const story = caseStory(facts);
  return draftChannels(facts.claim.route, facts.channels).map((channel, index) => {
    const { text, boxes } = draftFor(channel, facts, story, options);
    return { channel, name: `${index + 1}-${FILE_NAMES[channel][facts.language]}`, text, boxes };
  });
}

function draftFor(channel: DraftChannel, facts: CaseFacts, story: Story, options: DraftOptions): { text: string; boxes: Record<string, string> } {
  switch (channel) {
    case 'shop': {
      const message = shopSupportMessage(facts, options, story);
      return { text: `${message}\n`, boxes: { message } };
    }
    case 'alipay':
    case 'wechat':
      return paymentPlatformDraft(channel, facts, story);
    case '12315':
      return complaint12315(facts, story);
  }
}

const MORE = { zh: '…（其余内容见证据包中的 report.html）', en: '… (more in report.html in the evidence bundle)' };

/** The message to the shop's support; also what the popup offers to copy. */
export function shopSupportMessage(facts: CaseFacts, options: DraftOptions, story: Story = caseStory(facts)): string {
  const { p } = story;
  const hours = options.deadlineHours ?? 24;
  const deadline = beijingTime(new Date(Date.parse(options.now) + hours * 3_600_000).toISOString());
  const claim = facts.claim;
  const demand = claim.demand ?? 'confirm_payment';
  const route: readonly Party[] = claim.route;
  const escalate = route[0] === 'shop' && route.includes('12315');
  const parts: DraftPart[] = [
    { text: `${p.supportGreeting(facts.site)}${story.orderLine}${end(facts)}`, drop: 0 },
    { text: p.timelineHeading, drop: 2 },
    ...story.timeline,
    story.happened,
    ...story.statements,
    story.demandOf(demand, 'shop'),
    ...story.records,
    { text: p.supportDeadline(hours, deadline, escalate), drop: 0 },
    { text: p.evidenceKept, drop: 3 },
  ];
  return fitParts(parts, FORM_LIMITS.shopSupport, MORE[facts.language]);
}

const PLATFORM = {
  alipay: {
    limit: FORM_LIMITS.alipayDescription,
    zh: {
      title: '【支付宝 投诉草稿】',
      howTo: '在支付宝「我的 → 账单」中找到这笔付款 →「对此订单有疑问」→「投诉」（或「申请售后」），把下面的问题描述粘贴进去，并上传证据包 captures/ 下带水印的截图（screenshot-stamped）。',
    },
    en: {
      title: '[Alipay complaint draft]',
      howTo: 'In Alipay open Me → Bills, find this payment → "Questions about this order" → "Complain" (or "After-sales"), paste the description below and upload the stamped screenshots (screenshot-stamped) from captures/ in the evidence bundle.',
    },
  },
  wechat: {
    limit: FORM_LIMITS.wechatDescription,
    zh: {
      title: '【微信支付 投诉草稿】',
      howTo: '在微信「我 → 服务 → 钱包 → 账单」中找到这笔付款 →「对订单有疑惑」→「投诉」，选择投诉类型后把下面的问题描述粘贴进去，并上传证据包 captures/ 下带水印的截图（screenshot-stamped）。',
    },
    en: {
      title: '[WeChat Pay complaint draft]',
      howTo: 'In WeChat open Me → Services → Wallet → Bills, find this payment → "Questions about this order" → "Complain", pick a type, paste the description below and upload the stamped screenshots (screenshot-stamped) from captures/ in the evidence bundle.',
    },
  },
} as const;

const CATEGORY = {
  zh: { deliver_or_refund: '未按约定发货', refund: '商家不退款', refund_extra: '重复扣款', return_deducted: '付款失败但已扣款', confirm_payment: '交易异常' },
  en: {
    deliver_or_refund: 'not delivered as agreed',
    refund: 'merchant refuses a refund',
    refund_extra: 'charged twice',
    return_deducted: 'payment failed but money taken',
    confirm_payment: 'transaction problem',
  },
} as const;

const LABELS = {
  zh: { box: (limit: number) => `问题描述（${limit} 字以内，可直接粘贴）：`, category: '建议选择的投诉类型：', amount: '涉及金额：', order: '商户订单号：', fill: '（请按账单填写）' },
  en: { box: (limit: number) => `Description (within ${limit} characters, paste as it is):`, category: 'Complaint type to choose: ', amount: 'Amount: ', order: "Merchant's order number: ", fill: '(fill in from your bill)' },
} as const;

function paymentPlatformDraft(channel: 'alipay' | 'wechat', facts: CaseFacts, story: Story): { text: string; boxes: Record<string, string> } {
  const platform = PLATFORM[channel];
  const words = platform[facts.language];
  const labels = LABELS[facts.language];
  const demand = facts.claim.demand ?? 'confirm_payment';
  const description = fitParts(
    [
      { text: `${story.p.merchant(facts.shopName === facts.site ? null : facts.shopName, facts.site)}${story.shortOrderLine}${end(facts)}`, drop: 0 },
      ...story.timeline,
      story.happened,
      ...story.statements,
      story.demandOf(demand, 'payment_platform'),
      ...story.records,
    ],
    platform.limit,
    MORE[facts.language],
  );
  const text = [
    words.title,
    words.howTo,
    '',
    labels.box(platform.limit),
    description,
    '',
    `${labels.category}${CATEGORY[facts.language][demand]}`,
    `${labels.amount}${story.money ?? labels.fill}`,
    `${labels.order}${facts.orderId ?? labels.fill}`,
    '',
  ].join('\n');
  return { text, boxes: { description } };
}

const GOV = {
  zh: {
    title: '【全国12315平台 投诉草稿】 https://www.12315.cn',
    who: '一、投诉人（请本人填写）',
    fields: ['姓名：', '联系电话：', '联系地址：'],
    against: '二、被投诉人',
    name: '名称：',
    site: '网址：',
    company: '经营者（企业名称）：',
    companyUnknown: '（页面未显示，请在网站底部或备案信息中查询后填写）',
    filing: '备案号：',
    address: '地址：（页面未显示，可按备案信息填写）',
    request: (limit: number) => `三、投诉请求（${limit} 字以内）`,
    facts: (limit: number) => `四、争议事实（按时间顺序，北京时间，${limit} 字以内）`,
    evidence: '五、证据：本证据包（每个文件的哈希值列于 manifest.json，校验方法见 README.txt）及 captures/ 下带水印的截图。',
  },
  en: {
    title: '[12315 complaint draft — China National 12315 platform] https://www.12315.cn',
    who: '1. Complainant (fill in yourself)',
    fields: ['Name: ', 'Phone: ', 'Address: '],
    against: '2. The business complained about',
    name: 'Name: ',
    site: 'Website: ',
    company: 'Operator (company): ',
    companyUnknown: '(not shown on the pages; look it up in the site footer or its ICP filing)',
    filing: 'ICP filing: ',
    address: 'Address: (not shown on the pages; take it from the ICP filing)',
    request: (limit: number) => `3. What I ask for (within ${limit} characters)`,
    facts: (limit: number) => `4. Facts of the dispute (in order, Beijing time, within ${limit} characters)`,
    evidence: '5. Evidence: this evidence bundle (every file’s hash is listed in manifest.json; README.txt says how to verify it) and the stamped screenshots in captures/.',
  },
} as const;

const BLANK = '________________';

function complaint12315(facts: CaseFacts, story: Story): { text: string; boxes: Record<string, string> } {
  const words = GOV[facts.language];
  const more = MORE[facts.language];
  const request = fitParts([story.demandOf(facts.claim.demand ?? 'confirm_payment', '12315')], FORM_LIMITS.gov12315Request, more);
  const factsBox = fitParts(
    [{ text: `${story.orderLine}${end(facts)}`, drop: 0 }, ...story.timeline, story.happened, ...story.statements, ...(story.contacted ? [story.contacted] : []), ...story.records],
    FORM_LIMITS.gov12315Facts,
    more,
  );
  const text = [
    words.title,
    '',
    words.who,
    ...words.fields.map((field) => `${field}${BLANK}`),
    '',
    words.against,
    `${words.name}${facts.shopName}`,
    `${words.site}${facts.site}`,
    `${words.company}${facts.companyNames.join('；') || words.companyUnknown}`,
    ...(facts.icpNumbers.length ? [`${words.filing}${facts.icpNumbers.join('；')}`] : []),
    words.address,
    '',
    words.request(FORM_LIMITS.gov12315Request),
    request,
    '',
    words.facts(FORM_LIMITS.gov12315Facts),
    factsBox,
    '',
    words.evidence,
    '',
  ].join('\n');
  return { text, boxes: { request, facts: factsBox } };
}

function end(facts: CaseFacts): string {
  return facts.language === 'zh' ? '。' : '.';
}
