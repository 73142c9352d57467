// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { groupCases } from '../../../src/cases/group-cases';
import { EMPTY_PROGRESS } from '../../../src/checklist/case-progress';
import { CaseView } from '../../../src/popup/case-view';
import { commitCapture, liveCaptureEntries, type NewFile } from '../../../src/store/capture-store';
import { draft, freshDb } from '../../helpers/evidence-builders';
import { renderRoot } from '../../helpers/render-root';

// The case view over a real (fake-indexeddb) evidence store: the timeline, and the trust signals
// and unfair clauses read back from the stored page.txt of the case and of the site's terms page.

const stored = new Map<string, unknown>();
const sent: unknown[] = [];
vi.mock('webextension-polyfill', async () => {
  const { localeGetMessage } = await import('../../helpers/locale-messages');
  return {
    default: {
      i18n: { getMessage: localeGetMessage('zh_CN') },
      storage: { local: { set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => stored.set(k, v)) } },
      runtime: { sendMessage: async (message: unknown) => (sent.push(message), { ok: true }) },
    },
  };
});

function pageText(body: string): NewFile {
  const file = `URL: https://shop.example/\nTitle: t\nSeen at: 2026-11-28T09:30:00+08:00\n${'-'.repeat(40)}\n${body}\n`;
  // Node's Blob: fake-indexeddb clones it; happy-dom's global Blob would come back a plain object.
  return { name: 'page.txt', blob: new NodeBlob([file], { type: 'text/plain;charset=utf-8' }) as unknown as Blob, role: 'text' };
}

const rootOf = renderRoot();

describe('CaseView', () => {
  it('shows the verdict, the timeline, and trust signals and unfair clauses from stored page text', async () => {
    const db = await freshDb();
    await commitCapture(db, draft({ id: 'err' }), [pageText('支付网关异常！\n© 2024 杭州星河网络科技有限公司 · 浙ICP备12345678号-1')], 'k1');
    await commitCapture(
      db,
      draft({ id: 'terms', kind: 'terms', responsibility: null, reasonCode: 'terms_agreement', orderId: null, caseId: 'shop.example#day:2026-11-28', message: '用户协议' }),
      [pageText('用户协议\n虚拟商品一经售出概不退换。\n<img src=x onerror=alert(1)>本站不承担任何责任。')],
      'k2',
    );
    const cases = groupCases(await liveCaptureEntries(db));
    const summary = cases.find((item) => item.caseId === 'shop.example#order:ABCDEFGH12345678')!;
    const terms = cases.flatMap((item) => item.captures).filter((entry) => entry.kind === 'terms');
    const changes: unknown[] = [];
    await act(async () => {
      render(
        <CaseView
          db={db}
          summary={summary}
          siteTerms={terms}
          progress={EMPTY_PROGRESS}
          recordedDeadline={null}
          supportDeadlineHours={72}
          onProgress={(next) => changes.push(next)}
          onBack={() => undefined}
          onEvidenceChanged={() => undefined}
        />,
        rootOf(),
      );
    });
    await vi.waitFor(() => expect(rootOf().textContent).toContain('浙ICP备12345678号-1'));
    expect(rootOf().querySelector('h2')!.textContent).toBe('shop.example');
    expect(rootOf().querySelector('.chip.platform')!.textContent).toBe('平台责任');
    expect(rootOf().querySelectorAll('ol.timeline > li')).toHaveLength(1);
    expect(rootOf().textContent).toContain('杭州星河网络科技有限公司');
    const clauses = [...rootOf().querySelectorAll('ul.clauses blockquote')].map((node) => node.textContent);
    expect(clauses).toEqual(['虚拟商品一经售出概不退换。', '<img src=x onerror=alert(1)>本站不承担任何责任。']);
    expect(rootOf().querySelector('ul.clauses img')).toBeNull();
    expect(rootOf().textContent).toContain('不构成法律意见');

    // Checking "contact support" saves the progress and starts the worker's deadline.
    const support = [...rootOf().querySelectorAll('label')].find((label) => label.textContent?.includes('联系商家客服并给出期限'))!;
    await act(async () => support.querySelector('input')!.click());
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'support:contacted', caseId: summary.caseId }]));
    expect(stored.has(`caseProgress:${summary.caseId}`)).toBe(true);
    expect(changes).toHaveLength(1);
  });
});
