import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { startTermsServer } from '../harness/terms-page-server';

// The real popup in real Chromium, in both UI languages: the case list, a case's verdict and
// checklist (checked step survives a reload), the terms scanner's flags, and a screenshot.

const SHOT_DIR = process.env.PAYWITNESS_SHOTS ?? '/tmp';

async function openPopup(session: ExtensionSession): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(session.popupUrl);
  return popup;
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
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    const gateway = list.getByRole('button', { name: /支付网关异常/ });
    await expect.poll(() => gateway.count()).toBe(1);
    expect(await gateway.textContent()).toContain('平台责任');
    expect(await gateway.textContent()).toMatch(/证据 \d\/\d/);
    await popup.close();
  });

  it('opens a case: verdict, checklist steps, copy starts the deadline and survives a reload', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: /支付网关异常/ }).click();
    await expect.poll(() => popup.getByRole('heading', { name: '127.0.0.1' }).count()).toBe(1);
    expect(await popup.getByRole('heading', { name: /责任判断/ }).count()).toBe(1);
    expect(await popup.getByText('应当获得退款', { exact: false }).count()).toBe(1);
    const support = popup.getByRole('checkbox', { name: '联系商家客服并给出期限' });
    expect(await support.isChecked()).toBe(false);
    expect(await popup.getByRole('checkbox', { name: '向 12315 投诉' }).count()).toBe(1);
    expect(await popup.getByRole('textbox', { name: '发给客服的消息' }).inputValue()).toContain(session.shop.orders.unpaid);
    await popup.getByRole('button', { name: '复制并开始计时' }).click();
    await expect.poll(() => support.isChecked()).toBe(true);
    expect(await popup.getByText(/客服期限/).count()).toBeGreaterThan(0);
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-case-zh.png`, fullPage: true });

    await popup.reload();
    await popup.getByRole('button', { name: /支付网关异常/ }).click();
    await expect.poll(() => popup.getByRole('checkbox', { name: '联系商家客服并给出期限' }).isChecked()).toBe(true);
    expect(await popup.getByText(/已完成于/).count()).toBe(1);
    await popup.close();
  });

  it('shows the unfair clauses of the shop terms, with the law and the not-legal-advice note', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: /服务条款/ }).click();
    const clauses = popup.getByRole('region', { name: '可能不公平的条款' });
    await expect.poll(() => clauses.getByRole('listitem').count()).toBe(4);
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
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    const row = list.getByRole('button');
    expect(await row.textContent()).toMatch(/Evidence \d\/\d/);
    await popup.screenshot({ path: `${SHOT_DIR}/paywitness-list-en.png` });
    await row.click();
    expect(await popup.getByRole('heading', { name: /Whose fault/ }).count()).toBe(1);
    expect(await popup.getByRole('checkbox', { name: 'Contact the shop\'s support, with a deadline' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Copy and start the deadline' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '← All cases' }).count()).toBe(1);
    await popup.close();
  });
});
