import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../demo/shop-server.mjs';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession, type Shop } from '../harness/extension-session';

// "This shop" in real Chromium: the popup's top section and the toolbar badge on three demo shops
// that show opposite signals, a refund promise kept from the product page (once per site and text)
// and quoted in the report of an order placed afterwards. Each shop has a host name of its own
// (mapped to 127.0.0.1), because PayWitness tells sites apart by host name.

const PROMISE = '未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。';
const ANNOUNCED = '话费、会员充值失败自动退款，款项原路退回，无需联系客服。';
const SHOTS = process.env.PAYWITNESS_SCREENSHOTS;

describe('this shop: popup section, badge and refund promises', () => {
  let session: ExtensionSession;
  let plain: Shop;
  let odd: Shop;
  const requests: string[] = [];
  const url = (shop: Shop, host: string, path: string) => `http://${host}:${new URL(shop.origin).port}${path}`;
  const xinghe = (path: string) => url(session.shop, 'xinghe.test', path);

  beforeAll(async () => {
    session = await startExtensionSession({ locale: 'zh-CN', extraArgs: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
    plain = await startShop({ look: 'plain' });
    odd = await startShop({ look: 'odd_icp' });
    session.context.on('request', (request) => requests.push(request.url()));
    // The official lookups must never load in a test: they are answered here, after the click.
    await session.context.route(/beian\.miit\.gov\.cn|gsxt\.gov\.cn/, (route) => route.fulfill({ status: 200, body: 'lookup' }));
  });
  afterAll(async () => {
    await session?.close();
    await plain?.close();
    await odd?.close();
  });

  /** The badge text and tooltip of the tab showing `page`, read from an extension page. */
  const badgeOf = (page: Page) =>
    session.probe.evaluate(async (pageUrl) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      return { text: await chrome.action.getBadgeText({ tabId: tab!.id! }), title: await chrome.action.getTitle({ tabId: tab!.id! }) };
    }, page.url());

  /**
   * The popup opened as a tab right after `page` was in front (its "this shop" is that page's site),
   * once the section says `first`: the page may be read a moment after the popup opened.
   */
  async function shopSectionOver(page: Page, first: string) {
    await page.bringToFront();
    const popup = await visit(session.context, session.popupUrl);
    await popup.getByRole('heading', { name: /这家店|This shop/ }).waitFor();
    const section = popup.locator('section.this-shop');
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain(first);
    return { popup, section, text: (await section.textContent())! };
  }

  it('keeps the promise of the product page once, verbatim, with a screenshot', async () => {
    const product = await visit(session.context, xinghe('/buy/1'));
    const [kept] = await session.waitForEntries(1);
    expect(kept).toMatchObject({ kind: 'terms', reasonCode: 'terms_refund_promise', responsibility: null, message: PROMISE, site: 'xinghe.test', orderId: null });
    expect(kept!.files.map((file) => file.role)).toContain('screenshot');
    // The same promise on a second visit, in another tab, is not kept again.
    const again = await visit(session.context, xinghe('/buy/1'));
    await again.waitForTimeout(2_000);
    expect(await session.entries()).toHaveLength(1);
    await again.close();
    // A shop with company, ICP number and no history earns no badge.
    await expect.poll(() => badgeOf(product)).toMatchObject({ text: '' });
    await product.close();
  });

  it('shows the shop on top of the popup: what to check, the badge rule, each signal with where it was read', async () => {
    const product = await visit(session.context, xinghe('/buy/1'));
    await expect.poll(async () => (await session.entries()).length, { timeout: 5_000 }).toBe(1);
    const { popup, section, text } = await shopSectionOver(product, '浙ICP备12345678号-1');
    for (const shown of [
      '这家店：xinghe.test',
      '付款走的是第三方聚合支付',
      '工具栏没有标记',
      '备案地：浙江',
      '看到于：本页页脚',
      '杭州星河网络科技有限公司',
      'QQ：10086100',
      'Telegram：@xinghekefu',
      '易支付',
      PROMISE,
      '已保存为证据',
      '你在本站还没有遇到过问题',
    ]) expect(text).toContain(shown);
    // Nothing went to the official lookups until the shopper clicked.
    expect(requests.filter((request) => /miit|gsxt/.test(request))).toEqual([]);
    const [lookup] = await Promise.all([session.context.waitForEvent('page'), section.getByRole('link', { name: '到工信部备案系统查询' }).click()]);
    await lookup.waitForLoadState();
    expect(lookup.url()).toBe('https://beian.miit.gov.cn/#/Integrated/recordQuery');
    await expect.poll(() => section.getByRole('status').first().textContent()).toContain('浙ICP备12345678号');
    // Every request so far went to the shops or the extension, except the one the click opened.
    const ours = requests.filter((request) => !/^(chrome-extension:|http:\/\/[a-z_]+\.test:|http:\/\/127\.0\.0\.1:|https:\/\/beian\.miit\.gov\.cn\/)/.test(request));
    expect(ours).toEqual([]);
    await Promise.all([lookup.close(), popup.close(), product.close()]);
  });

  it('keeps a promise from an announcement, and turns amber on terms with unfair clauses', async () => {
    const notice = await visit(session.context, xinghe('/article/announcement'));
    const entries = await session.waitForEntries(2);
    expect(entries[1]).toMatchObject({ reasonCode: 'terms_refund_promise', message: ANNOUNCED });
    await notice.close();
    const terms = await visit(session.context, xinghe('/article/user-agreement'));
    await expect.poll(() => badgeOf(terms), { timeout: 10_000 }).toMatchObject({ text: '?', title: expect.stringContaining('条款里标出了可能不公平的条款') });
    // Navigating the tab away drops its badge: it belonged to that page.
    await terms.goto(xinghe('/no-such-page'));
    await expect.poll(() => badgeOf(terms)).toMatchObject({ text: '' });
    await terms.close();
  });

  it('turns red after a failed order, and the popup names the rule', async () => {
    const product = await visit(session.context, xinghe('/buy/1'));
    await product.fill('#email', 'buyer@example.com');
    await product.fill('#search_pwd', '123456');
    await product.check('input[name=payway][value=wx]');
    await product.click('#submit');
    await product.waitForURL(/\/bill\//);
    await product.getByText('立即支付').click();
    await product.waitForURL(/\/pay-gateway\/wx\//);
    const entries = await session.waitForEntries(4);
    const failure = entries.find((entry) => entry.kind === 'payment_error')!;
    expect(failure).toMatchObject({ site: 'xinghe.test', responsibility: 'platform' });
    await expect.poll(() => badgeOf(product), { timeout: 10_000 }).toMatchObject({ text: '1', title: expect.stringContaining('你在本站有未解决的案件') });
    const { popup, text } = await shopSectionOver(product, '工具栏标记：红色，因为你在本站有未解决的案件');
    for (const shown of [
      '你在本站还有未解决的问题',
      '支付失败 1 次',
      `未解决：${failure.orderId}`,
      '同样成立：条款里标出了可能不公平的条款',
    ]) expect(text).toContain(shown);
    if (SHOTS) await screenshots(popup, 'xinghe');
    await popup.close();
    await product.close();
  });

  it("quotes the product page's promise in the report and the drafts of that later order, and the bundle verifies", async () => {
    const popup = await visit(session.context, session.popupUrl);
    const dir = await mkdtemp(join(tmpdir(), 'pw-this-shop-'));
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.getByRole('button', { name: '导出全部' }).click()]);
    await download.saveAs(join(dir, 'bundle.zip'));
    const bytes = new Uint8Array(await readFile(join(dir, 'bundle.zip')));
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact' });
    const files = unzipSync(bytes);
    const report = new TextDecoder().decode(files['report.html']);
    const failure = (await session.entries()).find((entry) => entry.kind === 'payment_error')!;
    const orderCase = report.slice(report.indexOf(`data-case-id="${failure.caseId}"`));
    const said = orderCase.slice(orderCase.indexOf('What the shop said'), orderCase.indexOf('class="timeline-h"'));
    for (const shown of [PROMISE, ANNOUNCED]) expect(said).toContain(shown);
    expect(said).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 北京时间/);
    // The order's draft to the shop holds it to its own words, with when and which capture.
    const support = Object.keys(files).find((name) => name.startsWith('complaints/') && name.includes(failure.orderId!) && name.endsWith('致商家客服.txt'))!;
    const draft = new TextDecoder().decode(files[support]);
    expect(draft).toContain(`贵店页面承诺「${PROMISE}」`);
    expect(draft).toMatch(/截取，证据编号 [0-9a-f]{8}/);
    await popup.close();
  });

  it('amber on a shop that shows no company or ICP number; its escrow and own merchant shown; nothing kept', async () => {
    const before = (await session.entries()).length;
    const product = await visit(session.context, url(plain, 'plain.test', '/buy/1'));
    await expect.poll(() => badgeOf(product), { timeout: 10_000 }).toMatchObject({ text: '?', title: expect.stringContaining('没有显示公司名称或 ICP 备案号') });
    const { popup, text } = await shopSectionOver(product, '这家店没有写公司名称，也没有 ICP 备案号');
    for (const shown of [
      '联系方式未显示',
      '没有看到第三方聚合收款',
      '本店支持担保交易',
      '还没有看到这家店的退款承诺',
    ]) expect(text).toContain(shown);
    expect(text).not.toContain('易支付');
    if (SHOTS) await screenshots(popup, 'plain');
    expect(await session.entries()).toHaveLength(before);
    await Promise.all([popup.close(), product.close()]);
  });

  it('amber for an ICP number in no valid shape, with what is wrong', async () => {
    const product = await visit(session.context, url(odd, 'odd.test', '/buy/2'));
    await expect.poll(() => badgeOf(product), { timeout: 10_000 }).toMatchObject({ text: '?', title: expect.stringContaining('ICP 备案号格式不对') });
    const { popup } = await shopSectionOver(product, '开头不是省份简称');
    await Promise.all([popup.close(), product.close()]);
  });

  /** The popup at phone and desktop widths, in Chinese and English (language setting), for review. */
  async function screenshots(popup: Page, name: string) {
    await mkdir(SHOTS!, { recursive: true });
    for (const language of ['zh_CN', 'en'] as const) {
      await popup.evaluate(async (lang) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), language: lang } });
      }, language);
      for (const width of [360, 800]) {
        await popup.setViewportSize({ width, height: 900 });
        await popup.reload();
        await popup.locator('section.this-shop dl, section.this-shop .shop-block').first().waitFor();
        await popup.screenshot({ path: join(SHOTS!, `this-shop-${name}-${language}-${width}.png`), fullPage: true });
      }
    }
    await popup.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), language: 'auto' } });
    });
  }
});
