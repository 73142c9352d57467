import type { Detector } from '../detector';

// A pay page holding an order and counting down while it waits for the shopper's payment (epusdt's
// USDT checkout with its 时/分/秒 timer, kamiFaka's "请在5分钟内完成支付"): tracked as order_status so
// a later failure has its "before" picture. A plain payment-method list is not tracked.
const WAITING =
  /(请在\s*\d+\s*(?:分钟|分|秒)内(?:完成)?(?:支付|付款)|剩余(?:支付)?时间|支付剩余时间|支付倒计时|请在倒计时结束前|订单将(?:在|于).{0,12}(?:关闭|取消|失效|过期)|(?:请)?(?:使用|打开)(?:手机)?(?:微信|支付宝|QQ|云闪付)?\s*(?:app)?\s*扫(?:一扫|码)(?:支付|付款|完成支付)|扫码(?:支付|付款)|扫描(?:二维码|付款码)(?:完成|进行)?(?:支付|付款)|等待(?:支付|付款)|正在等待(?:您的)?(?:支付|付款)|waiting for (?:your )?payment|complete (?:your )?payment within|scan (?:the )?qr code to pay|pay within)/i;

export const awaitingPaymentPage: Detector = {
  id: 'awaiting-payment-page',
  fixtures: ['dujiaoka/epusdt-checkout-waiting-fresh', 'kamifaka/pay-waiting-qr-fresh'],
  detect({ snapshot, facts }) {
    if (!facts.orderId || facts.status) return null;
    // A pay page showing its success dialog is no longer waiting.
    if (snapshot.blocks.some((block) => block.surface?.tone === 'success')) return null;
    const lines = snapshot.blocks.filter((block) => !block.hints.includes('article') && !block.hints.includes('notice')).map((block) => block.text.trim());
    const waiting = lines.find((line) => line.length <= 60 && WAITING.test(line));
    if (waiting) return { kind: 'order_status', responsibility: null, reasonCode: 'order_awaiting_payment', message: waiting };
    if (hasCountdown(lines)) return { kind: 'order_status', responsibility: null, reasonCode: 'order_awaiting_payment', message: '' };
    return null;
  },
};

/** A running clock printed as unit labels next to numbers: "00 : 09 : 41 时 分 秒". */
function hasCountdown(lines: readonly string[]): boolean {
  const at = lines.findIndex((line, index) => line === '时' && lines[index + 1] === '分' && lines[index + 2] === '秒');
  return at >= 0 || lines.some((line) => /^\d{1,2}\s*[:：]\s*\d{2}\s*[:：]\s*\d{2}$/.test(line) || /\d+\s*分\s*\d+\s*秒/.test(line));
}
