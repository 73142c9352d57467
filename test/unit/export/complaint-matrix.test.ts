import { describe, expect, it } from 'vitest';
import type { CaptureEntry, Responsibility } from '../../../src/evidence/capture-entry';
import { caseFacts } from '../../../src/export/case-facts';
import { complaintDrafts, type ComplaintDraft, type DraftChannel } from '../../../src/export/complaints/complaint-drafts';
import { charCount } from '../../../src/export/complaints/fit-length';
import { FORM_LIMITS } from '../../../src/export/complaints/form-limits';
import { readPage, type PageReading } from '../../../src/export/page-reading';
import { capture } from '../../helpers/case-builders';

// Responsibility × paid / not paid / unknown × payment channel × shop language: which drafts
// exist, what they ask for, that every box fits its form, and that a draft is written wholly in
// the shop's language (outside ids, URLs and verbatim quotes).

const RESPONSIBILITIES: Array<Responsibility | null> = ['platform', 'third_party', 'user', null];
const PAYMENTS = ['paid', 'not_paid', 'unknown'] as const;
const CHANNELS = ['alipay', 'wechat', 'unknown'] as const;
const LANGUAGES = ['zh', 'en'] as const;

const REASON: Record<string, string> = {
  platform: 'shop_gateway_error',
  third_party: 'provider_outage',
  user: 'insufficient_balance',
  // A reason code added later by detection, with no party named: handled like any other.
  none: 'unrecognized_message',
};

const PAGE = {
  zh: {
    title: '出现错误了哟~ | 星河发卡',
    message: `支付失败：${'系统返回了很长的一段错误说明，'.repeat(12)}请稍后再试`,
    text: '星河发卡 首页 订单查询\n支付失败，请返回重试。\n© 2024 杭州星河网络科技有限公司 浙ICP备12345678号-1',
    terms: '购买须知：虚拟商品一经售出概不退款。本站对以上条款拥有最终解释权。',
    status: { paid: '处理中', not_paid: '待支付', unknown: null },
  },
  en: {
    title: 'Payment error | Nova Cards',
    message: `Payment failed: ${'the gateway returned a long error explanation, '.repeat(8)}please try again`,
    text: 'Nova Cards Home Orders\nPayment failed. Please go back and try again.\nCopyright 2024 Nova Digital Goods Ltd.',
    terms: 'Terms of sale: digital goods are non-refundable once delivered. We are not liable for any loss.',
    status: { paid: 'Processing', not_paid: 'Awaiting payment', unknown: null },
  },
} as const;

const URL_FOR: Record<(typeof CHANNELS)[number], string> = {
  alipay: 'https://shop.example/pay/alipay/notify-return?order=ORDER0000000001',
  wechat: 'https://shop.example/pay-gateway/wx/wxpay/ORDER0000000001',
  unknown: 'https://shop.example/bill/ORDER0000000001',
};

function scenario(responsibility: Responsibility | null, payment: (typeof PAYMENTS)[number], channel: (typeof CHANNELS)[number], language: 'zh' | 'en') {
  const page = PAGE[language];
  const status = page.status[payment];
  const common = { site: 'shop.example', title: page.title, url: URL_FOR[channel], currency: 'CNY', amount: 88 };
  const captures: CaptureEntry[] = [
    capture({ ...common, id: 'terms-1', orderId: null, caseId: 'shop.example#terms', kind: 'terms', responsibility: null, reasonCode: 'terms_refund_policy', message: 'terms', capturedAt: '2026-11-28T08:00:00.000+08:00' }),
    ...Array.from({ length: 6 }, (_, i) =>
      capture({
        ...common,
        id: `fail-${i}`,
        capturedAt: `2026-11-28T09:${String(10 + i).padStart(2, '0')}:00.000+08:00`,
        responsibility,
        reasonCode: REASON[responsibility ?? 'none']!,
        kind: responsibility === 'user' ? 'user_error' : 'payment_error',
        message: `${page.message} #${i}`,
        // The sealed reason is in the UI's language, here the other one: it must never reach a draft.
        reason: language === 'zh' ? 'The order or payment link expired before it was paid.' : '订单或支付链接在付款前已过期。',
        status,
      }),
    ),
  ];
  const readings = new Map<string, PageReading>(captures.map((entry) => [entry.id, readPage(entry, entry.kind === 'terms' ? page.terms : page.text)]));
  const facts = caseFacts(captures, new Map(), readings).find((item) => item.caseId !== 'shop.example#terms')!;
  return { facts, drafts: complaintDrafts(facts, { now: '2026-11-28T10:00:00.000+08:00' }) };
}

const LIMIT: Record<DraftChannel, Record<string, number>> = {
  shop: { message: FORM_LIMITS.shopSupport },
  alipay: { description: FORM_LIMITS.alipayDescription },
  wechat: { description: FORM_LIMITS.wechatDescription },
  '12315': { request: FORM_LIMITS.gov12315Request, facts: FORM_LIMITS.gov12315Facts },
};

/** Latin words left in a Chinese text once verbatim quotes, URLs and id-like tokens are taken out. */
function strayLatin(text: string, ids: readonly string[]): string[] {
  const rest = ids
    .reduce((left, id) => left.split(id).join(' '), text)
    .replace(/「[^」]*」/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/screenshot-stamped/g, ' ')
    // ids, file names, hosts, hashes: tokens holding a digit, a dot, a slash or an underscore
    .replace(/[A-Za-z0-9_./-]*[0-9_./][A-Za-z0-9_./-]*/g, ' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

/** Han characters left in an English text once verbatim quotes are taken out. */
function strayHan(text: string): string[] {
  return text.replace(/“[^”]*”/g, ' ').match(/\p{Script=Han}+/gu) ?? [];
}

function expectedChannels(responsibility: Responsibility | null, payment: string, channel: string): DraftChannel[] {
  if (responsibility === 'user' || payment === 'not_paid') return [];
  if (payment === 'unknown') return ['shop'];
  const platforms: DraftChannel[] = channel === 'unknown' ? ['alipay', 'wechat'] : [channel as DraftChannel];
  return responsibility === 'third_party' ? [...platforms, 'shop'] : ['shop', ...platforms, '12315'];
}

const REFUND_DEMAND = { zh: '全额退还已付款项', en: 'refund the full payment' };
const RETURN_DEDUCTED = { zh: '请核查这笔交易，并将扣款退回原支付账户', en: 'return the money to the account it came from' };
const CONFIRM = { zh: '请核实贵店是否已收到这笔付款', en: 'Please check whether you received this payment' };

describe('complaint draft matrix', () => {
  for (const language of LANGUAGES) {
    for (const responsibility of RESPONSIBILITIES) {
      for (const payment of PAYMENTS) {
        for (const channel of CHANNELS) {
          it(`${language} · ${responsibility ?? 'undecided'} · ${payment} · ${channel}`, () => {
            const { facts, drafts } = scenario(responsibility, payment, channel, language);
            expect(facts.language).toBe(language);
            expect(drafts.map((d) => d.channel)).toEqual(expectedChannels(responsibility, payment, channel));
            expect(drafts.map((d) => d.name.split('-')[0])).toEqual(drafts.map((_, i) => String(i + 1)));
            for (const draft of drafts) checkDraft(draft, language, [...facts.icpNumbers, ...facts.companyNames]);
            const shop = drafts.find((d) => d.channel === 'shop');
            const platform = drafts.find((d) => d.channel === 'alipay' || d.channel === 'wechat');
            if (payment === 'unknown' && shop) {
              expect(shop.text).toContain(CONFIRM[language]);
              expect(shop.text).not.toContain(REFUND_DEMAND[language]);
            }
            if (payment === 'paid' && responsibility === 'third_party') {
              expect(platform!.boxes.description).toContain(RETURN_DEDUCTED[language]);
              // The shop, asked second, is asked whether the money reached it, not told it failed.
              expect(shop!.text).toContain(language === 'zh' ? '请核实是否收到并退还' : 'check whether you received it');
            }
            if (payment === 'paid' && responsibility !== 'third_party' && responsibility !== 'user') {
              // Each party is asked in its own terms: the shop to deliver, a platform to help, 12315 told what is wanted.
              expect(shop!.boxes.message).toContain(language === 'zh' ? '请立即发货' : 'please deliver now');
              expect(platform!.boxes.description).toContain(language === 'zh' ? '请协助要求商家' : 'please help me have it');
              expect(drafts.at(-1)!.boxes.request).toContain(language === 'zh' ? '要求商家立即发货' : 'The merchant should deliver');
            }
            if (payment === 'paid' && responsibility !== 'third_party' && responsibility !== 'user') {
              for (const draft of drafts) expect(Object.values(draft.boxes).join('\n')).toContain(REFUND_DEMAND[language]);
              // The shop's own words are cited, with when and which capture.
              expect(shop!.text).toContain(language === 'zh' ? '证据编号 terms-1' : 'capture terms-1');
            }
          });
        }
      }
    }
  }

  it('a duplicate charge asks for the extra charge back, citing every payment record', () => {
    const charged = capture({
      id: 'dup-1',
      kind: 'duplicate_charge',
      responsibility: null,
      reasonCode: 'duplicate_charge_unclear',
      orderId: 'TWICE30YUAN00005',
      relatedOrderIds: ['TWICE30YUAN00006', 'TWICE30YUAN00007'],
      amount: 30,
      status: '处理中',
      message: 'TWICE30YUAN00005 / TWICE30YUAN00006 / TWICE30YUAN00007 · 30.00',
    });
    const [facts] = caseFacts([charged], new Map());
    const drafts = complaintDrafts(facts!, { now: '2026-11-28T10:00:00.000+08:00' });
    expect(drafts.map((d) => d.channel)).toEqual(['shop', 'wechat', '12315']);
    for (const draft of drafts) checkDraft(draft, 'zh');
    const shop = drafts[0]!.boxes.message!;
    expect(shop).toContain('请退还多扣的款项 60.00 元');
    for (const order of ['TWICE30YUAN00005', 'TWICE30YUAN00006', 'TWICE30YUAN00007']) expect(shop).toContain(`订单号 ${order}`);
    expect(shop).not.toContain('全额退还');
  });

  it("the shopper's own answer overrides the pages: money taken makes an unknown case a claim, none taken ends it", () => {
    const failed = capture({ id: 'gw', status: null });
    const paid = caseFacts([failed], new Map([[failed.caseId, { shopperSaysPaid: 'yes' }]]))[0]!;
    expect(complaintDrafts(paid, { now: '2026-11-28T10:00:00.000+08:00' }).map((d) => d.channel)).toEqual(['shop', 'wechat', '12315']);
    const unpaid = caseFacts([failed], new Map([[failed.caseId, { shopperSaysPaid: 'no' }]]))[0]!;
    expect(complaintDrafts(unpaid, { now: '2026-11-28T10:00:00.000+08:00' })).toEqual([]);
  });
});

/** `ids`: verbatim identifiers from the pages (filing numbers, company names) the draft may name. */
function checkDraft(draft: ComplaintDraft, language: 'zh' | 'en', ids: readonly string[] = []): void {
  for (const [box, limit] of Object.entries(LIMIT[draft.channel])) {
    const text = draft.boxes[box];
    expect(text, `${draft.name} ${box}`).toBeDefined();
    expect(charCount(text!), `${draft.name} ${box}`).toBeLessThanOrEqual(limit);
    expect(draft.text).toContain(text!);
  }
  if (language === 'zh') expect(strayLatin(draft.text, ids), draft.name).toEqual([]);
  else expect(strayHan(draft.text), draft.name).toEqual([]);
}

describe('the language of the shop', () => {
  it('is read from its pages: ids, URLs, markup and an English error code do not make a Chinese page English', async () => {
    const { draftLanguage, tallyScript } = await import('../../../src/export/complaints/draft-language');
    expect(draftLanguage(tallyScript('支付网关异常！Get Wechat API Error:签名错误'))).toBe('zh');
    expect(draftLanguage(tallyScript('出现错误了哟~ <script>window.__pw=1</script>"><img src=x onerror="window.__pw=2"> TWICE30YUAN00005 https://pay.example.com/submit.php?out_trade_no=ABC123'))).toBe('zh');
    expect(draftLanguage(tallyScript('Payment failed. Your card was declined. 支付失败'))).toBe('en');
    expect(draftLanguage(tallyScript(''))).toBe('zh');
  });
});
