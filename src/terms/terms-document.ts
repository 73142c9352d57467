// Recognises a shop's own terms documents — user agreement, terms of service, purchase notice,
// refund / after-sales policy — by what the page calls itself (its title or a heading), never by
// a word in passing: a FAQ, an order page or a blog post that mentions 退款 is not a policy.

export type TermsDocumentKind = 'agreement' | 'refund_policy' | 'purchase_notice' | 'disclaimer';

const DOCUMENT_NAMES: ReadonlyArray<[TermsDocumentKind, RegExp]> = [
  ['refund_policy', /(退款|退换货?|退货|售后)(政策|说明|规则|须知|条款|协议)$|(refund|return)s? policy$/i],
  ['purchase_notice', /(购买|购物|下单|交易)(须知|协议|条款|规则)$/],
  ['disclaimer', /免责(声明|条款)$|disclaimer$/i],
  ['agreement', /((用户|会员|服务|注册|使用|平台)(服务)?(协议|条款)|服务条款|使用条款|terms of (service|use)|terms (and|&) conditions|user agreement)$/i],
];

// A policy names itself in a few characters, maybe after the shop's name ("星河发卡用户协议").
const MAX_NAME_LENGTH = 24;
// A shop's policy talks about what a shop sells; a privacy policy of a news site does not.
const SHOP_WORDS = /(商品|订单|购买|下单|付款|支付|卡密|发货|退款|充值|本站|本平台|order|purchase|payment|refund)/i;

export interface TermsHeading {
  text: string;
  isHeading: boolean;
}

export interface TermsDocument {
  kind: TermsDocumentKind;
  /** The title or heading that named the document, as the page showed it. */
  name: string;
}

export function termsDocument(title: string, blocks: readonly TermsHeading[], text: string): TermsDocument | null {
  if (!SHOP_WORDS.test(text)) return null;
  const candidates = [...blocks.filter((block) => block.isHeading).map((block) => block.text), title];
  for (const candidate of candidates) {
    const kind = documentName(candidate);
    if (kind) return { kind, name: candidate.replace(/\s+/g, ' ').trim() };
  }
  return null;
}

/** "用户协议 - 星河发卡", "《退款政策》", "Refund Policy | Shop" → the kind; a sentence → null. */
export function documentName(candidate: string): TermsDocumentKind | null {
  for (const part of candidate.split(/\s[-|_–—·]\s|[|｜]/)) {
    const name = part.replace(/[《》「」【】"“”\s]/g, '').replace(/[:：]$/, '');
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) continue;
    for (const [kind, pattern] of DOCUMENT_NAMES) {
      if (pattern.test(name.replace(/\s+/g, ' ')) || pattern.test(part.trim())) return kind;
    }
  }
  return null;
}
