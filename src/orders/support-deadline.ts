// Support that does not answer in time is the signal to escalate. When the shopper says they
// contacted support about a case, a deadline starts; if it passes without the case resolved,
// PayWitness points to the next step for the way the shopper paid.

const HOUR = 3_600_000;

export interface SupportDeadline {
  caseId: string;
  contactedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  /** When the shopper was told the deadline passed (so it is told once). */
  overdueNotifiedAt: string | null;
  /** How the shopper paid, as far as the case's pages showed it. */
  channel: PaymentChannel;
}

export type PaymentChannel = 'alipay' | 'wechat' | 'unknown';

export type DeadlineState =
  | { kind: 'waiting'; msLeft: number }
  | { kind: 'overdue'; msOver: number }
  | { kind: 'resolved' };

export function startSupportDeadline(
  caseId: string,
  contactedAt: Date,
  hours: number,
  channel: PaymentChannel,
  isoTime: (date: Date) => string,
): SupportDeadline {
  return {
    caseId,
    contactedAt: isoTime(contactedAt),
    dueAt: isoTime(new Date(contactedAt.getTime() + hours * HOUR)),
    resolvedAt: null,
    overdueNotifiedAt: null,
    channel,
  };
}

export function deadlineState(deadline: Pick<SupportDeadline, 'dueAt' | 'resolvedAt'>, now: number): DeadlineState {
  if (deadline.resolvedAt) return { kind: 'resolved' };
  const left = Date.parse(deadline.dueAt) - now;
  return left > 0 ? { kind: 'waiting', msLeft: left } : { kind: 'overdue', msOver: -left };
}

/**
 * The escalation ladder after shop support: the payment platform's own dispute route first
 * (Alipay 申请售后/投诉商家, WeChat Pay 投诉商家), then the 12315 consumer platform, which takes any
 * channel. Each step is a `_locales` message key.
 */
export function escalationSteps(channel: PaymentChannel): string[] {
  const platform =
    channel === 'alipay' ? ['escalate_alipay'] : channel === 'wechat' ? ['escalate_wechat'] : ['escalate_alipay', 'escalate_wechat'];
  return [...platform, 'escalate_12315'];
}

/** Guesses the channel from the URLs and texts of a case's captures (gateway hosts, pay-way names). */
export function paymentChannelOf(texts: readonly string[]): PaymentChannel {
  const all = texts.join('\n');
  if (/alipay|支付宝/i.test(all)) return 'alipay';
  if (/wxpay|wechat|weixin|微信/i.test(all)) return 'wechat';
  return 'unknown';
}

/** Deadlines that passed unresolved and were not announced yet. */
export function newlyOverdue(deadlines: readonly SupportDeadline[], now: number): SupportDeadline[] {
  return deadlines.filter((d) => !d.overdueNotifiedAt && deadlineState(d, now).kind === 'overdue');
}
