import { caseClaim, type CaseClaim, type NoClaimReason } from '../cases/case-claim';
import type { CaseSummary } from '../cases/group-cases';
import { paymentState, type PaymentFinding } from '../cases/payment-state';
import type { CaptureEntry, Responsibility } from '../evidence/capture-entry';
import { supportDeadline, type CaseProgress, type StepId } from './case-progress';

// The refund checklist of one case, derived from rules about the case — its verdict, its kinds of
// capture, what the pages said, whether money moved — never written per page. What to ask of whom
// is the one claim rule (src/cases/case-claim.ts) the complaint drafts follow too. Text is returned
// as `_locales` keys so this stays pure; the views translate.

export interface EvidenceItem {
  /** Stable id; also the `_locales` key suffix: `evidence_<base>` and `evidenceHow_<base>`. */
  id: string;
  base: EvidenceBase;
  /** For per-payment items: the order id the record belongs to. */
  subject: string | null;
  done: boolean;
  /** Done by PayWitness itself (screenshots, repeated order captures) vs marked by the shopper. */
  auto: boolean;
}

export type EvidenceBase = 'error_screenshot' | 'order_state_over_time' | 'payment_proof' | 'support_conversation' | 'payment_record';

export interface StepItem {
  id: StepId;
  checkedAt: string | null;
}

export type PaymentChannel = 'alipay' | 'wechat';

export interface RefundChecklist {
  evidence: EvidenceItem[];
  completeness: { done: number; total: number };
  /** `_locales` key: what the verdict means for the shopper; null for a terms record. */
  meaning: `meaning_${Responsibility | 'undecided' | 'unclear' | 'not_paid'}` | null;
  /** `_locales` key: for a failure on the shopper's side, what to fix before trying again. */
  fix: `fix_${UserFix}` | null;
  /** Virtual goods: whether the card key was delivered or used decides what can be claimed. */
  askCardKey: boolean;
  /** The shop may have vanished: shown for cases where money is owed. */
  askShopVanished: boolean;
  steps: StepItem[];
  supportDeadline: { at: string; overdue: boolean } | null;
  channels: PaymentChannel[];
  claim: CaseClaim;
  payment: PaymentFinding;
  /** Ask the shopper whether money was taken: the pages do not say (or they answered already). */
  askMoneyTaken: boolean;
  /** `_locales` key: why there is nothing to claim, and how to retry safely; null when there is a claim. */
  noClaim: `noClaim_${NoClaimReason}` | null;
}

export interface ChecklistInput {
  summary: CaseSummary;
  progress: CaseProgress;
  /** The stored page text of the case's captures (for channel and goods hints). */
  pageTexts: readonly string[];
  now: number;
  supportDeadlineHours: number;
  /** The deadline the worker keeps for the case (src/orders/support-deadline.ts), when there is one. */
  recordedDeadline?: { dueAt: string; resolvedAt: string | null } | null;
}

// Failures on the shopper's side the detectors name (src/detect/detectors); any other user-side
// reason gets the general advice.
const USER_FIXES = ['insufficient_balance', 'order_already_paid', 'order_expired', 'user_cancelled', 'user_input_error'] as const;
type UserFix = (typeof USER_FIXES)[number] | 'generic';

const FAULT_KINDS = new Set(['payment_error', 'user_error', 'stalled_order', 'duplicate_charge']);
const VIRTUAL_GOODS = /(卡密|激活码|兑换码|充值卡|礼品卡|会员|cdk|card key|gift card|activation code|自动发货)/i;
const ALIPAY = /(alipay|支付宝)/i;
const WECHAT = /(wxpay|wechat|weixin|微信)/i;
const ATTACHMENT_HINTS: Partial<Record<EvidenceBase, RegExp>> = {
  payment_proof: /(payment|bill|receipt|sms|账单|支付|付款|短信)/i,
  support_conversation: /(support|chat|客服|聊天|对话)/i,
};

export function buildChecklist(input: ChecklistInput): RefundChecklist {
  const { summary, progress } = input;
  const captures = summary.captures;
  const payment = paymentState(captures, progress.moneyTaken);
  const claim = caseClaim({ ...summary, payment });
  // Money may be owed: the shopper needs proof of payment and a record of talking to support.
  const owed = claim.demand !== null;
  const evidence = evidenceItems(summary, progress, owed);
  const channels = paymentChannels(captures, input.pageTexts);
  const fault = FAULT_KINDS.has(summary.kind);
  const steps = applicableSteps(claim, summary.responsibility, channels, progress).map((id) => ({
    id,
    checkedAt: progress.steps[id] ?? null,
  }));
  const text = [...input.pageTexts, ...captures.map((entry) => `${entry.title}\n${entry.message}`)].join('\n');
  return {
    evidence,
    completeness: { done: evidence.filter((item) => item.done).length, total: evidence.length },
    meaning: meaningOf(summary, fault, payment),
    fix: summary.responsibility === 'user' ? `fix_${USER_FIXES.find((code) => code === summary.reasonCode) ?? 'generic'}` : null,
    askCardKey: owed && VIRTUAL_GOODS.test(text),
    askShopVanished: owed,
    steps,
    supportDeadline: runningDeadline(input),
    channels,
    claim,
    payment,
    askMoneyTaken: fault && summary.responsibility !== 'user' && payment.source !== 'capture',
    noClaim: claim.demand === null && claim.why !== 'no_failure' ? `noClaim_${claim.why}` : null,
  };
}

function evidenceItems(summary: CaseSummary, progress: CaseProgress, owed: boolean): EvidenceItem[] {
  const captures = summary.captures;
  const items: EvidenceItem[] = [];
  const faults = captures.filter((entry) => FAULT_KINDS.has(entry.kind));
  if (faults.length > 0) {
    const shot = faults.some((entry) => entry.files.some((file) => file.role === 'screenshot'));
    items.push(item('error_screenshot', null, shot, true));
  }
  if (summary.orderId) {
    const seen = new Set(captures.filter((entry) => entry.status || entry.kind === 'stalled_order').map((entry) => entry.capturedAt));
    items.push(item('order_state_over_time', null, seen.size >= 2, true));
  }
  if (owed) {
    items.push(marked('payment_proof', null, progress, captures));
    items.push(marked('support_conversation', null, progress, captures));
  }
  if (captures.some((entry) => entry.kind === 'duplicate_charge')) {
    const orders = new Set<string>();
    for (const entry of captures) {
      if (entry.orderId) orders.add(entry.orderId);
      for (const related of entry.relatedOrderIds) orders.add(related);
    }
    for (const order of orders) items.push(marked('payment_record', order, progress, captures));
  }
  return items;
}

function item(base: EvidenceBase, subject: string | null, done: boolean, auto: boolean): EvidenceItem {
  return { id: subject ? `${base}:${subject}` : base, base, subject, done, auto };
}

function marked(base: EvidenceBase, subject: string | null, progress: CaseProgress, captures: readonly CaptureEntry[]): EvidenceItem {
  const id = subject ? `${base}:${subject}` : base;
  const hint = ATTACHMENT_HINTS[base];
  // An attached file counts for the item its name or note speaks of: "alipay-bill.png",
  // "客服聊天.jpg", a note "bank SMS".
  const attached =
    hint !== undefined &&
    captures.some((entry) => {
      const files = entry.files.filter((file) => file.role === 'attachment');
      if (files.length === 0) return false;
      return hint.test([entry.reasonCode, entry.message, entry.title, ...files.map((file) => file.path)].join(' '));
    });
  return { id, base, subject, done: attached || id in progress.evidence, auto: attached };
}

/** A failure with nobody named is "unclear", not "nothing wrong"; one that took no money owes nothing. */
function meaningOf(summary: CaseSummary, fault: boolean, payment: PaymentFinding): RefundChecklist['meaning'] {
  if (summary.kind === 'terms') return null;
  if (fault && summary.responsibility !== 'user' && payment.state === 'not_paid') return 'meaning_not_paid';
  if (fault && summary.responsibility === null) return 'meaning_unclear';
  return `meaning_${summary.responsibility ?? 'undecided'}`;
}

/** The claim's route, party by party, as steps the shopper ticks off. */
function applicableSteps(claim: CaseClaim, responsibility: Responsibility | null, channels: readonly PaymentChannel[], progress: CaseProgress): StepId[] {
  const steps: StepId[] = [];
  for (const party of claim.route) {
    if (party === 'shop') steps.push('contact_support');
    if (party === '12315') steps.push('complaint_12315');
    if (party !== 'payment_platform') continue;
    if (responsibility === 'third_party') steps.push('contact_payment_provider');
    // Without a known channel both escalation routes are shown: the shopper knows how they paid.
    if (channels.length === 0 || channels.includes('alipay')) steps.push('escalate_alipay');
    if (channels.length === 0 || channels.includes('wechat')) steps.push('escalate_wechat');
  }
  if (claim.demand !== null && progress.shopVanished) steps.push('report_police');
  return steps;
}

// The worker's record wins (it also drives the overdue notification); the checklist's own
// step time is the fallback for a case the worker has no record of.
function runningDeadline(input: ChecklistInput): RefundChecklist['supportDeadline'] {
  const recorded = input.recordedDeadline;
  if (!recorded) return supportDeadline(input.progress, input.supportDeadlineHours, input.now);
  if (recorded.resolvedAt || !input.progress.steps.contact_support) return null;
  return { at: recorded.dueAt, overdue: input.now > Date.parse(recorded.dueAt) };
}

export function paymentChannels(captures: readonly CaptureEntry[], pageTexts: readonly string[]): PaymentChannel[] {
  const where = [...captures.map((entry) => `${entry.url}\n${entry.message}`), ...pageTexts].join('\n');
  const channels: PaymentChannel[] = [];
  if (ALIPAY.test(where)) channels.push('alipay');
  if (WECHAT.test(where)) channels.push('wechat');
  return channels;
}
