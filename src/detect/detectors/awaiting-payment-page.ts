import type { Detector } from '../detector';

// A pay page holding an order and counting down while it waits for the shopper's payment (epusdt's
// USDT checkout with its 时/分/秒 timer, kamiFaka's "请在5分钟内完成支付"): tracked as order_status so
// a later failure has its "before" picture. A plain payment-method list is not tracked.
const WAITING = /(请在\s*\d+\s*分钟内(?:完成)?(?:支付|付款)|剩余支付时间|支付剩余时间|请在倒计时结束前|waiting for (?:your )?payment|complete (?:your )?payment within)/i;

export const awaitingPaymentPage: Detector = {
  id: 'awaiting-payment-page',
  fixtures: ['dujiaoka/epusdt-checkout-waiting-fresh', 'kamifaka/pay-waiting-qr-fresh'],
  detect({ snapshot, facts }) {
    if (!facts.orderId || facts.status) return null;
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
