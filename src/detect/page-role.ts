import type { PageView } from './detector';

// Who is speaking on this page: the shop, or a payment provider (易支付/epay gateway, Alipay or
// WeChat cashier, PayPal, Stripe Checkout). The same words carry different blame: "通道维护" or a
// 502 on the provider's host is the provider's failure, on the shop's own host it is the shop's.

const PROVIDER_HOSTS =
  /(^|\.)(alipay\.com|alipaydev\.com|tenpay\.com|weixin\.qq\.com|wx\.qq\.com|qpay\.qq\.com|paypal\.com|stripe\.com|commerce\.coinbase\.com|unionpay\.com|95516\.com)$/i;
// epay and its clones (彩虹易支付, 码支付 …) answer on these scripts whatever their domain.
const PROVIDER_PATHS = /\/(submit\d?\.php|mapi\.php|cashier\.php|gateway\.do|api\/pay\/submit|qrpay\.php)$/i;
// epay's sysmsg() page title.
const PROVIDER_HEADINGS = /^(站点提示信息|支付宝 · 我的收银台)$/;

export type PageRole = 'provider' | 'shop';

// A shop sends the shopper to its gateway with a signed request: the order number, where to return
// and where to notify, and a signature. A page at such an address is the gateway speaking.
function isSignedGatewayRequest(url: URL): boolean {
  const has = (name: string) => url.searchParams.has(name);
  if ((has('notify_url') || has('notifyUrl') || has('return_url') || has('returnUrl')) && (has('sign') || has('signature') || has('sign_type'))) return true;
  // epay clones answering on /pay/submit take the merchant id (pid); a shop's own ThinkPHP route
  // /index/pay/submit?trade_no=… is the shop.
  return /\/pay\/submit$/i.test(url.pathname) && has('pid');
}

export function pageRole({ url, snapshot }: Pick<PageView, 'url' | 'snapshot'>): PageRole {
  if (url && (PROVIDER_HOSTS.test(url.hostname) || PROVIDER_PATHS.test(url.pathname) || isSignedGatewayRequest(url))) return 'provider';
  const heading = snapshot.blocks.find((block) => block.hints.includes('heading'));
  return heading && PROVIDER_HEADINGS.test(heading.text.trim()) ? 'provider' : 'shop';
}

/** Who answers for a failure of the server that answered: the shop on its own pages, the provider on a gateway's. */
export function serverOwner(role: PageRole): 'platform' | 'third_party' {
  return role === 'provider' ? 'third_party' : 'platform';
}
