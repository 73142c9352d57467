import type { CaseSummary } from '../cases/group-cases';
import type { CaseProgress, StepId } from '../checklist/case-progress';
import { buildChecklist, type EvidenceBase } from '../checklist/refund-checklist';
import type { CaseNotes, ChecklistItemNote } from './case-notes';

// Feeds the cases / checklist modules into the bundle's CaseNotes hook. Pure: the labels
// are fixed Chinese + English (the bundle is read by Chinese staff whatever the browser's language),
// not `_locales` text.

const STEP_LABEL: Record<StepId, string> = {
  contact_support: '联系商家客服 · Contacted shop support',
  contact_payment_provider: '联系银行/支付机构 · Contacted the bank / payment provider',
  escalate_alipay: '支付宝投诉 · Complained to Alipay',
  escalate_wechat: '微信支付投诉 · Complained to WeChat Pay',
  complaint_12315: '12315 投诉 · Complained to 12315',
  report_police: '报警 · Reported to the police',
};

const EVIDENCE_LABEL: Record<EvidenceBase, string> = {
  error_screenshot: '证据：出错页面截图 · Evidence: screenshot of the error',
  order_state_over_time: '证据：订单状态的多次记录 · Evidence: order status over time',
  payment_proof: '证据：付款凭证 · Evidence: proof of payment',
  support_conversation: '证据：与客服的聊天记录 · Evidence: conversation with support',
  payment_record: '证据：扣款记录 · Evidence: charge record',
};

/** The case's checklist: evidence items and the steps that apply, with when each was done. */
export function checklistNotes(summary: CaseSummary, progress: CaseProgress, supportDeadlineHours: number, now: number): ChecklistItemNote[] {
  const checklist = buildChecklist({ summary, progress, pageTexts: [], now, supportDeadlineHours });
  return [
    ...checklist.evidence.map((item) => ({
      label: `${EVIDENCE_LABEL[item.base]}${item.subject ? ` (${item.subject})` : ''}`,
      done: item.done,
      doneAt: progress.evidence[item.id] ?? null,
    })),
    ...checklist.steps.map((step) => ({ label: STEP_LABEL[step.id], done: step.checkedAt !== null, doneAt: step.checkedAt })),
  ];
}

/** The notes a case's drafts and report take from the shopper's progress: checklist, and their answers. */
export function caseNotesFromProgress(summary: CaseSummary, progress: CaseProgress, supportDeadlineHours: number, now: number): CaseNotes {
  return { checklist: checklistNotes(summary, progress, supportDeadlineHours, now), ...shopperAnswers(progress) };
}

/** What the shopper told us that the pages could not: whether money was taken, when support was contacted. */
export function shopperAnswers(progress: CaseProgress): Pick<CaseNotes, 'shopperSaysPaid' | 'supportContactedAt'> {
  return { shopperSaysPaid: progress.moneyTaken, supportContactedAt: progress.steps.contact_support ?? null };
}
