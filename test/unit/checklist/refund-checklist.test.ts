import { describe, expect, it } from 'vitest';
import { groupCases } from '../../../src/cases/group-cases';
import { EMPTY_PROGRESS, parseProgress, setEvidenceHeld, setStep, supportDeadline } from '../../../src/checklist/case-progress';
import { buildChecklist, type ChecklistInput } from '../../../src/checklist/refund-checklist';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { capture } from '../../helpers/case-builders';

const NOW = Date.parse('2026-11-28T12:00:00+08:00');

function checklistFor(entries: CaptureEntry[], overrides: Partial<ChecklistInput> = {}) {
  const [summary] = groupCases(entries);
  return buildChecklist({ summary: summary!, progress: EMPTY_PROGRESS, pageTexts: [], now: NOW, supportDeadlineHours: 72, ...overrides });
}

describe('buildChecklist: evidence', () => {
  it('a platform payment error: screenshot done automatically, payment proof and support chat missing', () => {
    const list = checklistFor([capture()]);
    // The gateway page does not say whether money moved: the shopper is asked, support is asked.
    expect(list.payment.state).toBe('unknown');
    expect(list.askMoneyTaken).toBe(true);
    expect(list.claim).toEqual({ demand: 'confirm_payment', route: ['shop'] });
    expect(list.evidence.map((item) => [item.id, item.done, item.auto])).toEqual([
      ['error_screenshot', true, true],
      ['order_state_over_time', false, true],
      ['payment_proof', false, false],
      ['support_conversation', false, false],
    ]);
    expect(list.completeness).toEqual({ done: 1, total: 4 });
  });

  it('a capture without a screenshot leaves the screenshot item missing', () => {
    const list = checklistFor([capture({ files: [], screenshotError: 'tab closed' })]);
    expect(list.evidence.find((item) => item.id === 'error_screenshot')!.done).toBe(false);
  });

  it('order state over time needs two captures of the order status at different times', () => {
    const first = capture({ id: 's1', kind: 'order_status', responsibility: null, status: '处理中', capturedAt: '2026-11-27T09:00:00+08:00' });
    const second = capture({ id: 's2', kind: 'stalled_order', status: '处理中', capturedAt: '2026-11-28T11:00:00+08:00' });
    expect(checklistFor([first]).evidence.find((item) => item.base === 'order_state_over_time')!.done).toBe(false);
    expect(checklistFor([first, second]).evidence.find((item) => item.base === 'order_state_over_time')!.done).toBe(true);
  });

  it('the shopper marks payment proof as held, or an attachment named for it counts', () => {
    const entries = [capture()];
    const marked = checklistFor(entries, { progress: setEvidenceHeld(EMPTY_PROGRESS, 'payment_proof', '2026-11-28T11:00:00+08:00') });
    expect(marked.evidence.find((item) => item.id === 'payment_proof')!.done).toBe(true);
    const attachment = capture({
      id: 'att',
      kind: 'order_status',
      responsibility: null,
      message: '支付宝账单截图',
      files: [{ path: 'captures/att/file-1.png', sha256: 'd'.repeat(64), bytes: 5, type: 'image/png', role: 'attachment' }],
    });
    const attached = checklistFor([...entries, attachment]);
    expect(attached.evidence.find((item) => item.id === 'payment_proof')).toMatchObject({ done: true, auto: true });
    expect(attached.evidence.find((item) => item.id === 'support_conversation')!.done).toBe(false);
  });

  it('a duplicate charge asks for every payment record, one per order', () => {
    const list = checklistFor([capture({ kind: 'duplicate_charge', orderId: 'DUP00000000001', relatedOrderIds: ['DUP00000000002'] })]);
    expect(list.evidence.filter((item) => item.base === 'payment_record').map((item) => item.subject)).toEqual([
      'DUP00000000001',
      'DUP00000000002',
    ]);
  });

  it('a user-side failure asks for no refund evidence and offers no complaint steps', () => {
    const list = checklistFor([capture({ kind: 'user_error', responsibility: 'user', reasonCode: 'balance_low' })]);
    expect(list.meaning).toBe('meaning_user');
    expect(list.fix).toBe('fix_generic');
    expect(checklistFor([capture({ kind: 'user_error', responsibility: 'user', reasonCode: 'insufficient_balance' })]).fix).toBe('fix_insufficient_balance');
    expect(checklistFor([capture()]).fix).toBeNull();
    expect(list.evidence.map((item) => item.base)).toEqual(['error_screenshot', 'order_state_over_time']);
    expect(list.steps).toEqual([]);
    expect(list.askCardKey).toBe(false);
    expect(list.askMoneyTaken).toBe(false);
    expect(list.noClaim).toBe('noClaim_user_side');
  });

  it('nothing paid (an order still awaiting payment, a declined card): no claim, retry safely', () => {
    const declined = checklistFor([capture({ responsibility: 'third_party', reasonCode: 'card_declined' })]);
    expect(declined.claim).toEqual({ demand: null, why: 'not_paid', route: [] });
    expect(declined.meaning).toBe('meaning_not_paid');
    expect(declined.noClaim).toBe('noClaim_not_paid');
    expect(declined.steps).toEqual([]);
    const expired = checklistFor([capture({ status: '已过期' })]);
    expect(expired.steps).toEqual([]);
    // The shopper says money was taken after all: the claim comes back.
    const taken = checklistFor([capture({ responsibility: 'third_party', reasonCode: 'card_declined' })], { progress: { ...EMPTY_PROGRESS, moneyTaken: 'yes' } });
    expect(taken.claim).toEqual({ demand: 'return_deducted', route: ['payment_platform', 'shop'] });
  });
});

describe('buildChecklist: meaning and steps', () => {
  it('a failure naming nobody (a reason added later, responsibility null) is unclear, not "nothing wrong"', () => {
    const list = checklistFor([capture({ responsibility: null, reasonCode: 'unrecognized_message' })]);
    expect(list.meaning).toBe('meaning_unclear');
    expect(list.claim).toEqual({ demand: 'confirm_payment', route: ['shop'] });
    expect(checklistFor([capture({ kind: 'order_status', responsibility: null, reasonCode: 'order_open_watching' })]).meaning).toBe('meaning_undecided');
  });

  const paid = { status: '处理中' };

  it('platform, paid: contact support then the payment platform and 12315', () => {
    const list = checklistFor([capture(paid)], { pageTexts: ['支付方式：微信扫码'] });
    expect(list.meaning).toBe('meaning_platform');
    expect(list.channels).toEqual(['wechat']);
    expect(list.steps.map((step) => step.id)).toEqual(['contact_support', 'escalate_wechat', 'complaint_12315']);
  });

  it('without a known channel both Alipay and WeChat routes are offered', () => {
    const list = checklistFor([capture({ ...paid, url: 'https://shop.example/bill/ORDER0000000001' })]);
    expect(list.steps.map((step) => step.id)).toEqual(['contact_support', 'escalate_alipay', 'escalate_wechat', 'complaint_12315']);
  });

  it('third party, paid: the bank or payment platform first, then ask the shop; no 12315 against the shop', () => {
    const list = checklistFor([capture({ ...paid, responsibility: 'third_party', reasonCode: 'provider_outage', url: 'https://openapi.alipay.com/gateway.do' })]);
    expect(list.meaning).toBe('meaning_third_party');
    expect(list.steps.map((step) => step.id)).toEqual(['contact_payment_provider', 'escalate_alipay', 'contact_support']);
  });

  it('the police step appears only once the shopper says the shop vanished', () => {
    const entries = [capture(paid)];
    expect(checklistFor(entries).steps.some((step) => step.id === 'report_police')).toBe(false);
    const vanished = checklistFor(entries, { progress: { ...EMPTY_PROGRESS, shopVanished: true } });
    expect(vanished.steps.at(-1)!.id).toBe('report_police');
  });

  it('virtual goods ask whether the card key was delivered', () => {
    expect(checklistFor([capture()]).askCardKey).toBe(false);
    expect(checklistFor([capture()], { pageTexts: ['商品：Steam 充值卡 卡密自动发货'] }).askCardKey).toBe(true);
  });

  it('a terms record has no verdict meaning, evidence or steps', () => {
    const list = checklistFor([capture({ orderId: null, kind: 'terms', responsibility: null, reasonCode: 'terms_agreement' })]);
    expect(list).toMatchObject({ meaning: null, evidence: [], steps: [], askShopVanished: false });
  });

  it('a checked step carries its time; the support deadline runs from it', () => {
    const progress = setStep(EMPTY_PROGRESS, 'contact_support', '2026-11-27T12:00:00+08:00');
    const list = checklistFor([capture()], { progress, supportDeadlineHours: 48 });
    expect(list.steps[0]).toEqual({ id: 'contact_support', checkedAt: '2026-11-27T12:00:00+08:00' });
    expect(list.supportDeadline).toEqual({ at: '2026-11-29T04:00:00.000Z', overdue: false });
    expect(supportDeadline(progress, 12, NOW)!.overdue).toBe(true);
  });
});

describe('buildChecklist: the worker-kept support deadline', () => {
  const progress = setStep(EMPTY_PROGRESS, 'contact_support', '2026-11-27T12:00:00+08:00');
  it('wins over the step time when the worker recorded one', () => {
    const list = checklistFor([capture()], { progress, recordedDeadline: { dueAt: '2026-11-28T11:00:00+08:00', resolvedAt: null } });
    expect(list.supportDeadline).toEqual({ at: '2026-11-28T11:00:00+08:00', overdue: true });
  });
  it('stops once resolved, or when the step was unchecked', () => {
    expect(checklistFor([capture()], { progress, recordedDeadline: { dueAt: '2026-11-29T11:00:00+08:00', resolvedAt: '2026-11-28T10:00:00+08:00' } }).supportDeadline).toBeNull();
    expect(checklistFor([capture()], { recordedDeadline: { dueAt: '2026-11-29T11:00:00+08:00', resolvedAt: null } }).supportDeadline).toBeNull();
  });
});

describe('case progress', () => {
  it('parses stored progress defensively', () => {
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(
      parseProgress({
        steps: { contact_support: '2026-11-28T10:00:00+08:00', hack: 'x', complaint_12315: 'not a date' },
        evidence: { payment_proof: '2026-11-28T10:00:00+08:00', bad: 5 },
        cardKey: 'stolen',
        shopVanished: 'yes',
        moneyTaken: 'maybe',
      }),
    ).toEqual({
      steps: { contact_support: '2026-11-28T10:00:00+08:00' },
      evidence: { payment_proof: '2026-11-28T10:00:00+08:00' },
      cardKey: null,
      shopVanished: false,
      moneyTaken: null,
    });
    expect(parseProgress({ moneyTaken: 'yes' }).moneyTaken).toBe('yes');
  });

  it('unchecking removes the time', () => {
    const checked = setStep(EMPTY_PROGRESS, 'complaint_12315', '2026-11-28T10:00:00+08:00');
    expect(setStep(checked, 'complaint_12315', null).steps).toEqual({});
  });
});
