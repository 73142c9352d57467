// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { groupCases } from '../../../src/cases/group-cases';
import { EMPTY_PROGRESS, type CaseProgress } from '../../../src/checklist/case-progress';
import { buildChecklist } from '../../../src/checklist/refund-checklist';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { factsOfCase } from '../../../src/export/case-facts';
import { CaseList, PAGE_SIZE } from '../../../src/popup/case-list';
import { ChecklistView } from '../../../src/popup/checklist-view';
import { UnfairClausesView } from '../../../src/popup/shop-trust-view';
import { capture } from '../../helpers/case-builders';
import { renderRoot } from '../../helpers/render-root';

vi.mock('webextension-polyfill', async () => {
  const { localeGetMessage } = await import('../../helpers/locale-messages');
  return { default: { i18n: { getMessage: localeGetMessage('en') } } };
});

const rootOf = renderRoot();

function manyCases(count: number) {
  return groupCases(
    Array.from({ length: count }, (_, index) =>
      capture({ id: `m${index}`, orderId: `ORDER${String(index).padStart(10, '0')}`, capturedAt: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString() }),
    ),
  );
}

describe('CaseList', () => {
  it('renders the page of cases it is given, with chip, amount and completeness, and asks for more', () => {
    const cases = manyCases(PAGE_SIZE);
    const opened: string[] = [];
    let asked = 0;
    const view = (more: boolean) => (
      <CaseList cases={cases} progress={new Map()} supportDeadlineHours={72} now={0} more={more} onMore={() => asked++} onOpen={(id) => opened.push(id)} />
    );
    act(() => render(view(true), rootOf()));
    expect(rootOf().querySelectorAll('li')).toHaveLength(PAGE_SIZE);
    expect(rootOf().textContent).toContain(`${PAGE_SIZE}+ cases`);
    const first = rootOf().querySelector<HTMLButtonElement>('button.case-row')!;
    expect(first.textContent).toContain('Platform');
    expect(first.textContent).toContain('¥25.00');
    expect(first.textContent).toContain('Evidence 1/4');
    act(() => first.click());
    expect(opened).toEqual([cases[0]!.caseId]);

    const more = [...rootOf().querySelectorAll('button')].find((button) => button.textContent?.startsWith('Show'))!;
    expect(more.textContent).toBe(`Show ${PAGE_SIZE} more`);
    act(() => more.click());
    expect(asked).toBe(1);

    act(() => render(view(false), rootOf()));
    expect(rootOf().textContent).toContain(`${PAGE_SIZE} cases`);
    expect([...rootOf().querySelectorAll('button')].some((button) => button.textContent?.startsWith('Show'))).toBe(false);
  });

  it('shows a running support deadline and marks a passed one', () => {
    const cases = manyCases(2);
    const progress = new Map<string, CaseProgress>([
      [cases[0]!.caseId, { ...EMPTY_PROGRESS, steps: { contact_support: '2026-11-01T00:00:00Z' } }],
    ]);
    act(() => render(<CaseList cases={cases} progress={progress} supportDeadlineHours={24} now={Date.parse('2026-11-01T12:00:00Z')} onOpen={() => undefined} />, rootOf()));
    expect(rootOf().querySelector('.deadline')!.textContent).toMatch(/^Support deadline /);
    act(() => render(<CaseList cases={cases} progress={progress} supportDeadlineHours={24} now={Date.parse('2026-11-03T00:00:00Z')} onOpen={() => undefined} />, rootOf()));
    expect(rootOf().querySelector('.deadline.overdue')!.textContent).toMatch(/^Deadline passed/);
  });
});

describe('ChecklistView', () => {
  // A paid order (处理中) on a Chinese shop, seen by a shopper whose UI is English.
  const PAID: Partial<CaptureEntry> = { url: 'https://ka.example/pay/alipay/ORDER0000000001', status: '处理中', title: '订单详情 | 星河发卡' };

  function mount(progress: CaseProgress, pageTexts: string[] = [], overrides: Partial<CaptureEntry> = PAID) {
    const [summary] = groupCases([capture(overrides)]);
    const checklist = buildChecklist({ summary: summary!, progress, pageTexts, now: Date.now(), supportDeadlineHours: 72 });
    const facts = factsOfCase(summary!.captures, summary!.captures[0]!.id, { shopperSaysPaid: progress.moneyTaken }, new Map())!;
    const changes: CaseProgress[] = [];
    act(() =>
      render(
        <ChecklistView facts={facts} checklist={checklist} progress={progress} supportDeadlineHours={72} onChange={(next) => changes.push(next)} />,
        rootOf(),
      ),
    );
    return changes;
  }

  function checkbox(name: string): HTMLInputElement {
    const label = [...rootOf().querySelectorAll('label')].find((element) => element.textContent?.includes(name));
    if (!label) throw new Error(`no control labelled ${name}`);
    return label.querySelector('input')!;
  }

  it('every control is a labelled checkbox or radio; checking a step stores its time', () => {
    const changes = mount(EMPTY_PROGRESS);
    for (const input of rootOf().querySelectorAll('input')) expect(input.closest('label')?.textContent?.trim()).toBeTruthy();
    const before = Date.now();
    act(() => checkbox('Complain through Alipay').click());
    const stored = changes.at(-1)!.steps.escalate_alipay!;
    expect(Date.parse(stored)).toBeGreaterThanOrEqual(before);
    expect(rootOf().textContent).toContain('我的 → 账单');
    expect(rootOf().textContent).not.toContain('Complain through WeChat Pay');
  });

  it('shows how to get missing evidence and lets the shopper mark payment proof as held', () => {
    const changes = mount(EMPTY_PROGRESS);
    expect(rootOf().textContent).toContain('Screenshot the bank SMS');
    act(() => checkbox('Proof of payment').click());
    expect(Object.keys(changes.at(-1)!.evidence)).toEqual(['payment_proof']);
  });

  it('asks about the card key for virtual goods and explains the answer', () => {
    mount({ ...EMPTY_PROGRESS, cardKey: 'used' }, ['卡密自动发货']);
    expect(rootOf().querySelector('fieldset legend')!.textContent).toContain('card key');
    expect(rootOf().textContent).toContain('Consumed virtual goods are normally not refundable');
  });

  it('the police step follows the shop-vanished answer', () => {
    const changes = mount(EMPTY_PROGRESS);
    expect(rootOf().textContent).not.toContain('96110');
    act(() => checkbox('The shop has vanished').click());
    expect(changes.at(-1)!.shopVanished).toBe(true);
    mount(changes.at(-1)!);
    expect(rootOf().textContent).toContain('96110');
  });

  it("the support message is in the shop's language, not the UI's, and carries the facts; copying starts the deadline", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const changes = mount(EMPTY_PROGRESS);
    const message = rootOf().querySelector<HTMLTextAreaElement>('textarea')!;
    expect(rootOf().querySelector(`label[for="${message.id}"]`)!.textContent).toBe('Message to support');
    expect(rootOf().textContent).toContain('Written in the language of the shop’s pages (Chinese)');
    expect(message.lang).toBe('zh-CN');
    expect(message.value).toContain('订单号 ORDER0000000001');
    expect(message.value).toContain('金额 25.00 元');
    expect(message.value).toContain('请立即发货；无法发货的，请全额退还已付款项 25.00 元');
    // Not one English word outside ids, hosts and quotes of the page.
    expect(message.value.replace(/「[^」]*」/g, '').replace(/[\w.-]*[\d.][\w.-]*/g, '').match(/[A-Za-z]+/g)).toBeNull();
    // The shopper copies five minutes after the popup drew the message: the copied text quotes the
    // deadline that copying stored, and so does the message shown once the deadline runs.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 60_000 });
    try {
      const copy = [...rootOf().querySelectorAll('button')].find((button) => button.textContent === 'Copy and start the deadline')!;
      await act(async () => copy.click());
      const stored = changes.at(-1)!.steps.contact_support!;
      expect(Date.parse(stored)).toBe(Date.now());
      mount(changes.at(-1)!);
      expect(rootOf().querySelector('textarea')!.value).toContain('（北京时间');
      expect(writeText).toHaveBeenCalledWith(rootOf().querySelector('textarea')!.value);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ChecklistView: whether money moved', () => {
  const GATEWAY: Partial<CaptureEntry> = { url: 'https://ka.example/pay/alipay/ORDER0000000001', title: '出现错误了哟~ | 星河发卡' };

  function mount(overrides: Partial<CaptureEntry>, progress: CaseProgress = EMPTY_PROGRESS) {
    const [summary] = groupCases([capture(overrides)]);
    const checklist = buildChecklist({ summary: summary!, progress, pageTexts: [], now: Date.now(), supportDeadlineHours: 72 });
    const facts = factsOfCase(summary!.captures, summary!.captures[0]!.id, { shopperSaysPaid: progress.moneyTaken }, new Map())!;
    const changes: CaseProgress[] = [];
    act(() => render(<ChecklistView facts={facts} checklist={checklist} progress={progress} supportDeadlineHours={72} onChange={(next) => changes.push(next)} />, rootOf()));
    return changes;
  }

  it('asks the shopper when the pages do not say; the support message then only asks the shop', () => {
    const changes = mount(GATEWAY);
    expect(rootOf().querySelector('fieldset.money-taken legend')!.textContent).toContain('Was the money taken');
    expect(rootOf().querySelector('textarea')!.value).toContain('请核实贵店是否已收到这笔付款');
    expect(rootOf().querySelector('textarea')!.value).not.toContain('全额退还已付款项');
    const yes = [...rootOf().querySelectorAll('fieldset.money-taken label')].find((label) => label.textContent === 'Yes')!;
    act(() => yes.querySelector('input')!.click());
    expect(changes.at(-1)!.moneyTaken).toBe('yes');
  });

  it('no money moved or the shopper failed: no steps, no message, what to fix and how to retry safely', () => {
    mount({ ...GATEWAY, kind: 'user_error', responsibility: 'user', reasonCode: 'insufficient_balance' });
    expect(rootOf().querySelector('textarea')).toBeNull();
    expect(rootOf().querySelector('.no-claim')!.textContent).toContain('pay once');
    mount({ ...GATEWAY, status: '待支付' });
    expect(rootOf().querySelector('textarea')).toBeNull();
    expect(rootOf().querySelector('.no-claim')!.textContent).toContain('Nothing was paid');
  });
});

describe('UnfairClausesView', () => {
  it('renders clause text as text, never as markup, with the not-legal-advice note', () => {
    const hostile = '本站不承担任何责任<img src=x onerror="alert(1)">';
    act(() => render(<UnfairClausesView clauses={[{ rule: 'no_liability', clause: hostile, laws: ['civil_code_497'] }]} />, rootOf()));
    expect(rootOf().querySelector('img')).toBeNull();
    expect(rootOf().querySelector('blockquote')!.textContent).toBe(hostile);
    expect(rootOf().textContent).toContain('Civil Code art. 497');
    expect(rootOf().textContent).toContain('not legal advice');
  });
});
