import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { readRecordInPage } from '../harness/read-chain-in-page';
import { startTermsServer } from '../harness/terms-page-server';

// The real popup in real Chromium, in both UI languages: the case list, a case's verdict and
// checklist (checked step survives a reload), the terms scanner's flags, and a screenshot.

const SHOT_DIR = process.env.PAYWITNESS_SHOTS ?? '/tmp';
// expect.poll gives up after 1 s by default; a loaded 2-core machine can take longer to render.
const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(session.popupUrl);
  return popup;
}

function recordedDeadline(session: ExtensionSession, caseId: string): Promise<unknown> {
  return session.probe.evaluate(readRecordInPage, { store: 'supportDeadlines', key: caseId });
}

describe('case review popup, zh-CN', () => {
  let session: ExtensionSession;
  let terms: Awaited<ReturnType<typeof startTermsServer>>;

  beforeAll(async () => {
    session = await startExtensionSession({ locale: 'zh-CN' });
    terms = await startTermsServer();
    const { shop } = session;
    const urls = [
      `${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`,
      `${shop.origin}/detail-order-sn/${shop.orders.stalled}`,
      `${terms.origin}/agreement`,
    ];
    // One page at a time, each kept open until its capture is committed (closing it would cancel the shot).
    for (const [index, url] of urls.entries()) {
      const page = await visit(session.context, url);
      await session.waitForEntries(index + 1);
      await page.close();
    }
  });
  afterAll(async () => {
    await session?.close();
    await terms?.close();
  });

  it('captures the shop terms page as kind "terms" with nobody at fault', async () => {
    const entries = await session.entries();
    const captured = entries.find((entry) => entry.kind === 'terms');
    expect(captured).toMatchObject({ responsibility: null, reasonCode: 'terms_agreement', message: '用户协议' });
  });

  it('lists cases with verdict chips and evidence completeness in Chinese', async () => {
    const popup = await openPopup(session);
    const list = popup.getByRole('list', { name: '案件' });
    await poll(() => list.getByRole('listitem').count()).toBe(3);
    const gateway = list.getByRole('button', { name: /支付网关异常/ });
    await poll(() => gateway.count()).toBe(1);
    expect(await gateway.textContent()).toContain('平台责任');
    expect(await gateway.textContent()).toMatch(/证据 \d\/\d/);
    await popup.close();
  });

  it('opens a case: verdict, checklist steps, copy starts the deadline and survives a reload', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: /支付网关异常/ }).click();
    await poll(() => popup.getByRole('heading', { name: '127.0.0.1' }).count()).toBe(1);
    expect(await popup.getByRole('heading', { name: /责任判断/ }).count()).toBe(1);
    expect(await popup.getByText('应当获得退款', { exact: false }).count()).toBe(1);
    const support = popup.getByRole('checkbox', { name: '联系商家客服并给出期限' });
    expect(await support.isChecked()).toBe(false);
    // The gateway page does not show whether money moved: only the shop is asked, until the
    // shopper says the money was taken; then the route goes on to the platform and 12315.
    const message = popup.getByRole('textbox', { name: '发给客服的消息' });
    expect(await message.inputValue()).toContain('请核实贵店是否已收到这笔付款');
    expect(await popup.getByRole('checkbox', { name: '向 12315 投诉' }).count()).toBe(0);
    await popup.getByRole('radio', { name: '扣了' }).check();
    await poll(() => popup.getByRole('checkbox', { name: '向 12315 投诉' }).count()).toBe(1);
    expect(await message.inputValue()).toContain(session.shop.orders.unpaid);
    expect(await message.inputValue()).toContain('无法发货的，请全额退还已付款项');
    await popup.getByRole('button', { name: '复制并开始计时' }).click();
    await poll(() => support.isChecked()).toBe(true);
    expect(await popup.getByText(/客服期限/).count()).toBeGreaterThan(0);
    // The worker keeps the deadline too (it announces when it passes).
    const caseId = `127.0.0.1#order:${session.shop.orders.unpaid}`;
    await poll(() => recordedDeadline(session, caseId)).toMatchObject({ caseId, resolvedAt: null });
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-case-zh.png`, fullPage: true });

    await popup.reload();
    await popup.getByRole('button', { name: /支付网关异常/ }).click();
    await poll(() => popup.getByRole('checkbox', { name: '联系商家客服并给出期限' }).isChecked()).toBe(true);
    expect(await popup.getByText(/已完成于/).count()).toBe(1);
    await popup.close();
  });

  it('shows the unfair clauses of the shop terms, with the law and the not-legal-advice note', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: /服务条款/ }).click();
    const clauses = popup.getByRole('region', { name: '可能不公平的条款' });
    await poll(() => clauses.getByRole('listitem').count()).toBe(4);
    const text = (await clauses.textContent()) ?? '';
    for (const expected of ['最终解释权', '概不退换', '不承担任何责任', '无需另行通知', '第四百九十七条', '第二十六条', '不构成法律意见']) {
      expect(text).toContain(expected);
    }
    const trust = (await popup.getByRole('region', { name: '商家信息' }).textContent()) ?? '';
    expect(trust).toContain('浙ICP备12345678号-1');
    expect(trust).toContain('杭州星河网络科技有限公司');
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-terms-zh.png`, fullPage: true });
    await popup.close();
  });
  it('options page: labelled settings with defaults persist across a reload', async () => {
    const options = await session.context.newPage();
    await options.goto(session.popupUrl.replace('src/popup/index.html', 'src/options/index.html'));
    const deadline = options.getByRole('spinbutton', { name: '给商家客服的答复期限（小时）' });
    await poll(() => deadline.inputValue()).toBe('72');
    expect(await options.getByRole('checkbox', { name: '在发卡网和支付页面自动保存证据' }).isChecked()).toBe(true);
    expect(await options.getByRole('combobox', { name: '扩展界面语言' }).count()).toBe(1);
    await deadline.fill('48');
    await options.getByRole('textbox', { name: '从不关注这些网站' }).fill('https://bad.example/path\nbad.example\n');
    await options.getByRole('button', { name: '保存设置' }).click();
    await poll(() => options.getByRole('status').first().textContent()).toBe('已保存。');
    await options.reload();
    await poll(() => options.getByRole('spinbutton', { name: '给商家客服的答复期限（小时）' }).inputValue()).toBe('48');
    expect(await options.getByRole('textbox', { name: '从不关注这些网站' }).inputValue()).toBe('bad.example');
    await options.close();
  });

  it('options page: search, filter and delete a case with confirmation through the worker', async () => {
    const options = await session.context.newPage();
    await options.goto(session.popupUrl.replace('src/popup/index.html', 'src/options/index.html'));
    const table = options.getByRole('table', { name: '全部案件' });
    await poll(() => table.getByRole('row').count()).toBe(4);
    await options.getByRole('combobox', { name: '责任' }).selectOption('none');
    await poll(() => table.getByRole('row').count()).toBe(2);
    await options.getByRole('combobox', { name: '责任' }).selectOption('all');
    await options.getByRole('searchbox', { name: '搜索' }).fill('STALL30');
    await poll(() => table.getByRole('row').count()).toBe(2);
    await options.getByRole('checkbox', { name: /选择 127\.0\.0\.1 STALL30HOURS0001/ }).check();
    await options.getByRole('button', { name: '删除所选（1）' }).click();
    const dialog = options.getByRole('alertdialog', { name: '确定删除这些案件？' });
    expect(await dialog.textContent()).toContain('共 1 个案件、1 份记录');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await dialog.count()).toBe(0);
    await options.getByRole('button', { name: '删除所选（1）' }).click();
    await dialog.getByRole('textbox', { name: '原因（可不填）' }).fill('测试删除');
    await dialog.getByRole('button', { name: '删除' }).click();
    await poll(() => options.getByRole('status').last().textContent()).toBe('已删除 1 份记录。');
    await options.getByRole('searchbox', { name: '搜索' }).fill('');
    await poll(() => table.getByRole('row').count()).toBe(3);
    await options.screenshot({ path: `${SHOT_DIR}/paywitness-options-zh.png`, fullPage: true });
    const entries = await session.entries();
    const deletion = entries.find((entry) => (entry.kind as string) === 'deletion') as unknown as { reason: string } | undefined;
    expect(deletion?.reason).toBe('测试删除');
    await options.close();
  });
});

describe('case review popup, en', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await startExtensionSession({ locale: 'en' });
    const page = await visit(session.context, `${session.shop.origin}/pay-gateway/wx/wxpay/${session.shop.orders.unpaid}`);
    await session.waitForEntries(1);
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the same case in English', async () => {
    const popup = await openPopup(session);
    const list = popup.getByRole('list', { name: 'Cases' });
    await poll(() => list.getByRole('listitem').count()).toBe(1);
    const row = list.getByRole('button');
    expect(await row.textContent()).toMatch(/Evidence \d\/\d/);
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-list-en.png` });
    await row.click();
    expect(await popup.getByRole('heading', { name: /Whose fault/ }).count()).toBe(1);
    expect(await popup.getByRole('checkbox', { name: 'Contact the shop\'s support, with a deadline' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Copy and start the deadline' }).count()).toBe(1);
    // An English UI, a Chinese shop: the message to the shop's support is in Chinese.
    expect(await popup.getByRole('textbox', { name: 'Message to support' }).inputValue()).toMatch(/^您好，我在贵店/);
    expect(await popup.getByRole('button', { name: '← All cases' }).count()).toBe(1);
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-case-en.png`, fullPage: true });
    // One capture in the timeline: one delete control for it.
    expect(await popup.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(1);

    // The screenshot zooms from the keyboard and Escape brings focus back to the thumbnail.
    const thumbnail = popup.getByRole('button', { name: 'Enlarge screenshot' });
    await thumbnail.focus();
    await popup.keyboard.press('Enter');
    const zoom = popup.getByRole('dialog', { name: /^Screenshot:/ });
    await poll(() => zoom.count()).toBe(1);
    await poll(() => zoom.getByRole('img').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    await popup.keyboard.press('Escape');
    await poll(() => zoom.count()).toBe(0);
    expect(await thumbnail.evaluate((element) => element === document.activeElement)).toBe(true);
    await popup.close();
  });

  it('options page in English', async () => {
    const options = await session.context.newPage();
    await options.goto(session.popupUrl.replace('src/popup/index.html', 'src/options/index.html'));
    await poll(() => options.getByRole('heading', { name: 'Settings', exact: true }).count()).toBe(1);
    expect(await options.getByRole('spinbutton', { name: 'An open order counts as stalled after (hours)' }).inputValue()).toBe('24');
    // The cases table fills after the settings render: wait for it rather than read it mid-load.
    await poll(() => options.getByRole('table', { name: 'All cases' }).getByRole('row').count()).toBe(2);
    expect(await options.getByRole('button', { name: 'Delete selected (0)' }).isDisabled()).toBe(true);
    await options.close();
  });

  it('lists a thousand more cases a page at a time', async () => {
    // Copies of the real capture record under new order ids, written straight into the store.
    await session.probe.evaluate(
      (count) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paywitness-evidence');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('captures', 'readwrite');
            const store = tx.objectStore('captures');
            const first = store.index('seq').openCursor();
            first.onsuccess = () => {
              const template = first.result!.value as { seq: number; entry: Record<string, unknown> };
              for (let index = 0; index < count; index++) {
                const orderId = `BULK${String(index).padStart(12, '0')}`;
                const entry = { ...template.entry, id: `bulk-${index}`, orderId, caseId: `bulk${index % 40}.example#order:${orderId}`, site: `bulk${index % 40}.example` };
                store.put({ seq: 10_000 + index, entry });
              }
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      1000,
    );
    const popup = await openPopup(session);
    const started = Date.now();
    // Only the newest page of the 1001 cases is read and shown; each click reads the next page.
    await poll(() => popup.getByText('25+ cases').count()).toBe(1);
    console.log(`[case-review] popup listed its first page of 1001 cases in ${Date.now() - started} ms (${await popup.locator('ul.cases li').count()} rows in the DOM)`);
    expect(await popup.locator('ul.cases li').count()).toBe(25);
    expect(await popup.locator('ul.cases li').first().textContent()).toContain('bulk');
    await popup.getByRole('button', { name: 'Show 25 more' }).click();
    await poll(() => popup.locator('ul.cases li').count()).toBe(50);
    expect(await popup.getByText('50+ cases').count()).toBe(1);
    const rows = await popup.locator('ul.cases li .site').allTextContents();
    expect(rows).toHaveLength(50);
    await popup.close();
  });

  it('the language setting overrides the browser language in the popup', async () => {
    const options = await session.context.newPage();
    await options.goto(session.popupUrl.replace('src/popup/index.html', 'src/options/index.html'));
    await options.getByRole('combobox', { name: 'Language of PayWitness' }).selectOption('zh_CN');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await poll(() => options.getByRole('status').first().textContent()).toBe('Saved.');
    await options.close();
    const popup = await openPopup(session);
    await poll(() => popup.getByRole('list', { name: '案件' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '导出全部' }).count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await popup.close();
  });
});
