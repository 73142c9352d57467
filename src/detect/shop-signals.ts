// Detection reads a page in depth only where it looks like a shop, an order or a payment gateway,
// so PayWitness does not study every page a person visits. Cheap checks on URL, title and a sample.

const URL_SIGNALS =
  /(submit\.php|mapi\.php|cashier|checkout|\/pay|payment|\/bill\/|order|\/buy\/|\/goods|\/item|\/product|\/shop|\/user|\/recharge|faka|kami|kameng)/i;
const TEXT_SIGNALS =
  /(订单|支付|付款|卡密|发卡|卡盟|自动发货|充值|收银台|商品|购买|余额|退款|order|payment|checkout|cart|refund|card key)/i;

export function looksLikeShopPage(url: string, title: string, sample: string): boolean {
  return URL_SIGNALS.test(url) || TEXT_SIGNALS.test(title) || TEXT_SIGNALS.test(sample.slice(0, 4000));
}
