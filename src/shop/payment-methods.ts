// The ways a shop lets you pay, as it lists them (支付方式 radios, the checkout's 支付方式 line,
// icons' alt text). Each way has its own road back when something goes wrong, which the popup
// explains: Alipay / WeChat Pay / QQ钱包 have complaint routes, a bank card a chargeback, crypto and
// the shop's own balance none but the shop.

export type PaymentMethod = 'alipay' | 'wechat' | 'qq_wallet' | 'unionpay' | 'paypal' | 'crypto' | 'balance';

export interface PaymentMethodSeen {
  method: PaymentMethod;
  /** The words that named it. */
  shown: string;
}

const METHODS: ReadonlyArray<[PaymentMethod, RegExp]> = [
  ['alipay', /支付宝|alipay/i],
  ['wechat', /微信支付|微信扫码|微信付款|微信|wechat\s?pay|wxpay/i],
  ['qq_wallet', /QQ钱包|qqpay|QQ支付/i],
  ['unionpay', /银联|云闪付|unionpay|银行卡支付|网银/i],
  ['paypal', /paypal/i],
  ['crypto', /USDT|TRC-?20|ERC-?20|泰达币|比特币|加密货币|数字货币|\bcrypto(currency)?\b|\bBTC\b|\bTRX\b/i],
  ['balance', /余额支付|余额付款|钱包余额支付|pay (with|from) (your )?balance/i],
];

/** Lines that talk about paying: a 支付方式 list, a checkout's method line, a pay button. */
const PAYMENT_CONTEXT = /支付方式|付款方式|支付渠道|选择支付|立即支付|去支付|扫码支付|pay(ment)? (method|with)|checkout|pay now/i;
const MAX_LINE = 120;

/**
 * Methods named in short lines (a radio label, a button) or in lines about paying; a long
 * sentence that merely mentions 支付宝 ("如遇支付宝维护…") is not a list of what the shop takes.
 */
export function findPaymentMethods(lines: readonly string[]): PaymentMethodSeen[] {
  const found = new Map<PaymentMethod, PaymentMethodSeen>();
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || (line.length > 24 && !(PAYMENT_CONTEXT.test(line) && line.length <= MAX_LINE))) continue;
    for (const [method, pattern] of METHODS) {
      const match = pattern.exec(line);
      if (match && !found.has(method)) found.set(method, { method, shown: line.length <= 40 ? line : match[0] });
    }
  }
  return [...found.values()];
}
