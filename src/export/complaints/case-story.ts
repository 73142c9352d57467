import { beijingTime } from '../bundle-times';
import type { CaseFacts } from '../case-facts';
import { kindLabel, responsibilityLabel } from '../evidence-labels';
import { moneyText } from '../money-text';

// The sentences every draft shares: who, which order, what happened when, and what is asked.

export function orderLine(facts: CaseFacts): string {
  const money = moneyText(facts.amount, facts.currency);
  const parts = [
    facts.orderId ? `订单号 ${facts.orderId}` : '订单号（页面未显示）',
    money ? `金额 ${money}` : null,
    facts.orderCreatedAt ? `下单时间 ${beijingTime(facts.orderCreatedAt)}` : null,
    facts.status ? `当前状态「${facts.status}」` : null,
  ];
  return parts.filter(Boolean).join('，');
}

/** One line per capture, oldest first: `2026-11-28 09:30:00 支付失败：支付网关异常！`. */
export function timelineLines(facts: CaseFacts): string[] {
  return facts.captures.map((capture) => {
    const status = capture.status ? `（状态：${capture.status}）` : '';
    return `${beijingTime(capture.capturedAt)} ${kindLabel(capture.kind).zh}：${oneLine(capture.message)}${status}`;
  });
}

export function requestSentence(facts: CaseFacts): string {
  const money = moneyText(facts.amount, facts.currency);
  const amount = money ? ` ${money}` : '';
  switch (facts.verdict.kind) {
    case 'duplicate_charge':
      return `请退还重复扣除的款项${amount}。`;
    case 'stalled_order':
      return `请立即发货（履行订单）；无法发货的，请全额退还已付款项${amount}。`;
    default:
      return `请全额退还已付款项${amount}，或在确认收款后立即发货。`;
  }
}

export function verdictSentence(facts: CaseFacts): string {
  return `判断：${responsibilityLabel(facts.verdict.responsibility).zh}。依据：${oneLine(facts.verdict.reason)}`;
}

export function shopLine(facts: CaseFacts): string {
  const extra = [...facts.companyNames, ...facts.icpNumbers];
  return `${facts.shopName}（网址 ${facts.site}${extra.length ? `；${extra.join('；')}` : ''}）`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
