// How to reach the shop when something goes wrong, as the shop itself shows it: a support link
// (在线客服 / 工单), a QQ number or group, a Telegram account, a WeChat id, an e-mail address. Only
// what the page labels as the shop's contact counts: the shopper's own e-mail on an order page, or
// the QQ number an order recharges, is not a way to reach the shop.

export type ContactKind = 'support_link' | 'qq' | 'qq_group' | 'telegram' | 'wechat' | 'email';

export interface ContactChannel {
  kind: ContactKind;
  /** The number, handle, address or link text as shown. */
  value: string;
}

/** A link on the page: its visible text and where it goes (read by the content script). */
export interface PageLink {
  text: string;
  href: string;
}

const CONTACT_WORD = '(?:客服|联系|售后|咨询|投诉|站长|商家|官方|support|contact|service|help)';
const TEXT_RULES: ReadonlyArray<[ContactKind, RegExp]> = [
  ['qq_group', new RegExp(`(?:${CONTACT_WORD}[^\\n，。；]{0,8})?(?:QQ|qq)\\s*(?:交流|售后|客服)?群(?:号)?\\s*[:：]?\\s*([1-9]\\d{5,11})`, 'g')],
  ['qq', new RegExp(`${CONTACT_WORD}[^\\n，。；]{0,8}?(?:QQ|qq|扣扣|企鹅)(?!\\s*群)(?:号码?)?\\s*[:：]?\\s*([1-9]\\d{4,10})(?!\\d)`, 'g')],
  ['qq', /(?:QQ|qq)\s*(?:客服|售后)\s*[:：]?\s*([1-9]\d{4,10})(?!\d)/g],
  ['telegram', /(?:telegram|电报|TG|飞机)(?:群|频道|客服)?\s*[:：]\s*(@?[A-Za-z][A-Za-z0-9_]{4,31})/gi],
  ['telegram', /\bt\.me\/([A-Za-z][A-Za-z0-9_]{4,31})/gi],
  ['wechat', new RegExp(`${CONTACT_WORD}[^\\n，。；]{0,6}?(?:微信|wx|vx|WeChat)(?:号)?\\s*[:：]\\s*([A-Za-z][-_A-Za-z0-9]{5,19})`, 'gi')],
  ['email', new RegExp(`${CONTACT_WORD}[^\\n，。；@]{0,10}?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})`, 'gi')],
];
const SUPPORT_TEXT = /^(?:联系客服|在线客服|人工客服|客服中心|联系我们|提交工单|我的工单|工单|售后服务|投诉建议|contact( us)?|support|customer service|submit a ticket)$/i;
const SUPPORT_HREF = /(?:^mailto:|^tg:|^tencent:|\/\/(?:wpa|qm)\.qq\.com\/|\/\/t\.me\/|\/(?:ticket|tickets|kefu|contact|support|gongdan)(?:[/?#.]|$))/i;
const MAX_CHANNELS = 8;

export function findContactChannels(text: string, links: readonly PageLink[] = []): ContactChannel[] {
  const found: ContactChannel[] = [];
  const add = (kind: ContactKind, value: string) => {
    const clean = value.trim().slice(0, 120);
    if (clean && found.length < MAX_CHANNELS && !found.some((seen) => seen.kind === kind && seen.value === clean)) found.push({ kind, value: clean });
  };
  for (const [kind, rule] of TEXT_RULES) for (const match of text.matchAll(rule)) add(kind, match[1]!);
  for (const line of text.split('\n')) if (SUPPORT_TEXT.test(line.trim())) add('support_link', line.trim());
  for (const link of links) {
    const mail = /^mailto:([^?]+)/i.exec(link.href);
    if (mail) add('email', decodeURIComponent(mail[1]!));
    else if (SUPPORT_HREF.test(link.href) || SUPPORT_TEXT.test(link.text.trim())) add('support_link', link.text.trim() || link.href);
  }
  return found;
}
