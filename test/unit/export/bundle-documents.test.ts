import { describe, expect, it } from 'vitest';
import { sealEntry } from '../../../src/evidence/capture-chain';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { buildCaseManifest, buildManifest } from '../../../src/export/bundle-manifest';
import { caseFacts } from '../../../src/export/case-facts';
import { complaintDrafts } from '../../../src/export/complaints/complaint-drafts';
import { charCount, fitParts } from '../../../src/export/complaints/fit-length';
import { readPage } from '../../../src/export/page-reading';
import { FORM_LIMITS } from '../../../src/export/complaints/form-limits';
import { readmeText } from '../../../src/export/readme-text';
import { renderReport } from '../../../src/export/report-html';
import { stampLines, textColumns } from '../../../src/export/stamp-lines';
import { draft } from '../../helpers/evidence-builders';

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'&`;

async function chain(overrides: Array<Partial<CaptureEntry>>): Promise<CaptureEntry[]> {
  const out: CaptureEntry[] = [];
  for (const [i, o] of overrides.entries()) {
    const id = `cap-${i}`;
    const files = [
      { path: `captures/${id}/screenshot.png`, sha256: `${i}`.repeat(64).slice(0, 64), bytes: 100 + i, type: 'image/png', role: 'screenshot' as const },
      { path: `captures/${id}/page.txt`, sha256: `a${i}`.repeat(32), bytes: 50, type: 'text/plain', role: 'text' as const },
    ];
    out.push(await sealEntry({ ...draft({ id, ...o }), files, prevHash: out.at(-1)?.hash ?? null }));
  }
  return out;
}

describe('report.html', () => {
  it('escapes every page-derived string and forbids scripts with its CSP', async () => {
    const captures = await chain([{ title: HOSTILE, message: HOSTILE, url: `https://shop.example/?q=${HOSTILE}`, orderId: HOSTILE, status: HOSTILE, reason: HOSTILE }]);
    const manifest = buildManifest(captures, '2026-11-28T10:00:00.000+08:00', '0.1.0');
    const html = renderReport(manifest, caseFacts(captures, new Map([[captures[0]!.caseId, { shopName: HOSTILE, checklist: [{ label: HOSTILE, done: true }] }]])));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toContain('"><img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src [^"]*; style-src 'unsafe-inline'/);
  });

  it('has one section per case with summary, verdict, checklist, terms, timeline, and every file hash plus the chain head', async () => {
    const captures = await chain([
      { caseId: 'shop.example#order:A1', orderId: 'A1', message: '支付网关异常！' },
      { caseId: 'shop.example#order:B2', orderId: 'B2', kind: 'stalled_order', status: '处理中', message: '处理中' },
      { caseId: 'shop.example#order:A1', orderId: 'A1', kind: 'order_status', responsibility: null, message: '待支付' },
    ]);
    const manifest = buildManifest(captures, '2026-11-28T10:00:00.000+08:00', '0.1.0');
    const html = renderReport(manifest, caseFacts(captures, new Map()));
    expect(html.match(/<section class="case"/g)).toHaveLength(2);
    for (const heading of ['概要', '判断与理由', '付款与诉求', '维权清单', '商家的说法', '时间线', '文件与哈希']) expect(html).toContain(heading);
    for (const file of captures.flatMap((c) => c.files)) expect(html).toContain(file.sha256);
    expect(html).toContain(manifest.chain.head!);
    expect(html).toContain('src="captures/cap-0/screenshot.png"');
    // Case A1's verdict is its payment error, not the later neutral status snapshot.
    expect(caseFacts(captures, new Map())[0]!.verdict.captureId).toBe('cap-0');
  });
});

describe('stamp lines', () => {
  it('carries Beijing time and UTC, URL, site, order, amount, capture id and the original hash prefix', async () => {
    const [capture] = await chain([{ capturedAt: '2026-11-28T09:30:05.000+08:00', url: `https://shop.example/pay/${'x'.repeat(200)}` }]);
    const text = stampLines({ capture: capture!, originalSha256: 'ab'.repeat(32) }, 400).join('\n');
    expect(text).toContain('北京时间 2026-11-28 09:30:05');
    expect(text).toContain('(UTC) 2026-11-28 01:30:05');
    expect(text).toContain('shop.example');
    expect(text).toContain('ABCDEFGH12345678');
    expect(text).toContain('10.00 CNY');
    expect(text).toContain(capture!.id);
    expect(text).toContain('abababababababab');
    expect(text).not.toContain('ab'.repeat(9));
    // At phone width the URL is wrapped, never cut: joined back it is whole.
    const lines = stampLines({ capture: capture!, originalSha256: 'ab'.repeat(32) }, 60);
    expect(lines.length).toBeGreaterThan(6);
    expect(lines.map((line, i) => (i ? line.replace(/^ {2}/, '') : line)).join('')).toContain(capture!.url);
    for (const line of lines) expect(textColumns(line)).toBeLessThanOrEqual(60);
  });

  it('omits order and amount when unknown', async () => {
    const [capture] = await chain([{ orderId: null, amount: null }]);
    expect(stampLines({ capture: capture!, originalSha256: '0'.repeat(64) }, 80).join('\n')).not.toMatch(/订单号|金额/);
  });
});

describe('complaint drafts', () => {
  it('keep every limited box within its form limit, facts in time order, the demand kept whole', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      status: '处理中',
      capturedAt: `2026-11-28T${String(i % 24).padStart(2, '0')}:00:00.000+08:00`,
      message: `第${i}次：处理中${'很长的说明'.repeat(10)}`,
    }));
    const facts = caseFacts(await chain(many), new Map())[0]!;
    const drafts = complaintDrafts(facts, { now: '2026-11-28T10:00:00.000+08:00' });
    expect(drafts.map((d) => d.name)).toEqual(['1-致商家客服.txt', '2-微信支付-投诉.txt', '3-12315-投诉.txt']);
    expect(charCount(drafts[0]!.boxes.message!)).toBeLessThanOrEqual(FORM_LIMITS.shopSupport);
    expect(charCount(drafts[1]!.boxes.description!)).toBeLessThanOrEqual(FORM_LIMITS.wechatDescription);
    expect(drafts[1]!.boxes.description).toContain('请协助要求商家立即发货');
    expect(drafts[1]!.text).toContain(drafts[1]!.boxes.description!);
    const facts12315 = drafts[2]!.boxes.facts!;
    expect(charCount(facts12315)).toBeLessThanOrEqual(FORM_LIMITS.gov12315Facts);
    expect(facts12315).toContain('第0次');
    expect(drafts[0]!.boxes.message).toContain('第0次');
    expect(drafts[0]!.boxes.message!.indexOf('第0次')).toBeLessThan(drafts[0]!.boxes.message!.indexOf('第1次'));
    expect(drafts[0]!.text).toContain('24 小时内（北京时间 2026-11-29 10:00:00 前）');
  });

  it('12315 leaves the complainant blank and names the shop, site, company and filing seen', async () => {
    const captures = await chain([{ kind: 'stalled_order', status: '处理中', reasonCode: 'order_stalled', message: '处理中 · 30 h', createdAt: '2026-11-27T03:00:00.000+08:00' }]);
    // The payment company a shop names on its page is not the shop (the same rules as the popup's "this shop").
    const reading = readPage(captures[0]!, '支付服务由支付宝（中国）网络技术有限公司提供\n页脚 版权所有©星河网络科技有限公司 粤ICP备12345678号-1');
    const facts = caseFacts(captures, new Map([[captures[0]!.caseId, { shopName: '星河发卡' }]]), new Map([['cap-0', reading]]))[0]!;
    const text = complaintDrafts(facts, { now: '2026-11-28T10:00:00.000+08:00' }).find((d) => d.channel === '12315')!.text;
    expect(text).toMatch(/姓名：_+/);
    expect(text).toMatch(/联系电话：_+/);
    expect(text).toContain('名称：星河发卡');
    expect(text).toContain('网址：shop.example');
    expect(text).toContain('星河网络科技有限公司');
    expect(text).toContain('粤ICP备12345678号-1');
    expect(text).not.toContain('支付宝（中国）');
    expect(text).toContain('要求商家立即发货；无法发货的，全额退还已付款项 10.00 元');
    // The stall is told in the draft's own words, not as a quotation of PayWitness's summary.
    expect(text).toContain('订单长时间未处理（状态「处理中」），已过 30 小时仍未发货');
    expect(text).not.toContain('30 h');
  });

  it('fitParts keeps the parts that must stay, drops optional ones latest first, and says where the rest is', () => {
    const parts = [
      { text: '第一行', drop: 0 },
      { text: '可选甲'.repeat(5), drop: 2 },
      { text: '可选乙'.repeat(5), drop: 2 },
      { text: '要求', drop: 0 },
    ];
    const cut = fitParts(parts, 33, '…（其余见证据包）');
    expect(charCount(cut)).toBeLessThanOrEqual(33);
    expect(cut).toContain('第一行');
    expect(cut).toContain('要求');
    expect(cut).toContain('可选甲');
    expect(cut).not.toContain('可选乙');
    expect(cut).toContain('其余见证据包');
    expect(fitParts([{ text: '短', drop: 0 }], 30, '…')).toBe('短');
  });
});

describe('README.txt', () => {
  it('explains in Chinese then English how to verify, with the chain head', async () => {
    const captures = await chain([{}]);
    const text = readmeText(buildManifest(captures, '2026-11-28T10:00:00.000+08:00', '0.1.0'));
    expect(text.indexOf('如何校验')).toBeLessThan(text.indexOf('How to verify'));
    expect(text).toContain('npx paywitness verify');
    expect(text).toContain('sha256sum');
    expect(text).toContain('RFC 8785');
    expect(text).toContain(captures[0]!.hash);
  });
});

describe('report.html attachments', () => {
  it('shows an attached picture and names other attached files, escaped', async () => {
    const [capture] = await chain([{ kind: 'attachment', screenshotError: null }]);
    const files = [
      { path: 'captures/cap-0/bank-sms.png', sha256: '1'.repeat(64), bytes: 10, type: 'image/png', role: 'attachment' as const },
      { path: 'captures/cap-0/"><b>chat.pdf', sha256: '2'.repeat(64), bytes: 10, type: 'application/pdf', role: 'attachment' as const },
    ];
    const withFiles = await sealEntry({ ...capture!, files, prevHash: null });
    const html = renderReport(buildManifest([withFiles], '2026-11-28T10:00:00.000+08:00', '0.1.0'), caseFacts([withFiles], new Map()));
    expect(html).toContain('<img src="captures/cap-0/bank-sms.png"');
    expect(html).toContain('captures/cap-0/&quot;&gt;&lt;b&gt;chat.pdf');
    expect(html).not.toContain('无截图');
  });
});

describe('shop name from page titles', () => {
  it('takes the most frequent title suffix, else nothing', async () => {
    const { shopNameFromTitles } = await import('../../../src/export/case-facts');
    expect(shopNameFromTitles(['出现错误了哟~ | 星河发卡', '订单详情 | 星河发卡', '收银台 - 易支付'])).toBe('星河发卡');
    expect(shopNameFromTitles(['出现错误了哟~', '站点提示信息'])).toBeNull();
    const [capture] = await chain([{ title: '出现错误了哟~ | 星河发卡' }]);
    expect(caseFacts([capture!], new Map())[0]!.shopName).toBe('星河发卡');
    expect(caseFacts([capture!], new Map([[capture!.caseId, { shopName: '商家自报名' }]]))[0]!.shopName).toBe('商家自报名');
  });
});

describe('one-case bundle', () => {
  it('holds the case as grouped (an old day record split), its deletions and its site terms, nothing else', async () => {
    const day = 'shop.example#day:2026-11-28';
    const captures = await chain([
      { caseId: day, orderId: null, kind: 'user_error', responsibility: 'user', reasonCode: 'insufficient_balance', capturedAt: '2026-11-28T09:00:00.000+08:00' },
      { caseId: day, orderId: null, reasonCode: 'shop_gateway_error', capturedAt: '2026-11-28T11:00:00.000+08:00' },
      { caseId: 'shop.example#terms', orderId: null, kind: 'terms', responsibility: null, reasonCode: 'terms_refund_policy', capturedAt: '2026-11-28T12:00:00.000+08:00' },
      { caseId: 'other.example#terms', site: 'other.example', orderId: null, kind: 'terms', responsibility: null, reasonCode: 'terms_refund_policy' },
    ]);
    const manifest = buildCaseManifest(captures, `${day}/cap-1`, '2026-11-28T13:00:00.000+08:00', '0.1.0');
    expect(manifest.captures.map((entry) => entry.id)).toEqual(['cap-1', 'cap-2']);
    expect(manifest.chain.links).toHaveLength(4);
  });
});
