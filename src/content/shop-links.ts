import type { PageLink } from '../shop/contact-channels';

// The few links that tell something about a shop: where its pay buttons and forms go (a 易支付
// gateway on another host, dujiaoka's /pay/yipay route) and how to reach it (mailto, Telegram, QQ
// chat, a ticket page). Read from attributes of links and forms, never from anything typed.

const INTERESTING = /^(?:mailto|tg|tencent):|\/\/(?:t\.me|wpa\.qq\.com|qm\.qq\.com)\/|\/(?:ticket|tickets|kefu|contact|support|gongdan)(?:[/?#.]|$)|\/(?:submit|mapi)\.php|\/pay\/|\/pay-gateway\//i;
const SUPPORT_WORDS = /客服|工单|联系我们|售后|contact|support/i;
const MAX_ELEMENTS = 400;
const MAX_LINKS = 30;

export function collectShopLinks(doc: Document): PageLink[] {
  const links: PageLink[] = [];
  const elements = doc.querySelectorAll<HTMLAnchorElement | HTMLFormElement>('a[href], form[action]');
  for (let index = 0; index < elements.length && index < MAX_ELEMENTS && links.length < MAX_LINKS; index++) {
    const element = elements[index]!;
    const href = element instanceof HTMLFormElement ? element.action : element.href;
    const text = element instanceof HTMLFormElement ? '' : (element.textContent ?? '').trim().slice(0, 60);
    if (href.length <= 500 && (INTERESTING.test(href) || SUPPORT_WORDS.test(text))) links.push({ text, href });
  }
  return links;
}
