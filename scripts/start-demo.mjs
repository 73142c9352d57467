// @ts-check
// `npm start`: builds the extension, serves the demo card shop on 127.0.0.1 and drives Chromium
// through it — a purchase whose cashier is busy and whose retry with 易支付 fails too, a shop
// gateway error, a stalled order, a completed order — then exports the evidence bundle to out/,
// verifies it and lists its cases (one per purchase attempt) with their complaint drafts.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { build, runnerImport } from 'vite';
import { startShop } from '../demo/shop-server.mjs';
import { BROWSER_HELP, findBrowser } from './find-browser.mjs';
import { launchWithExtension } from './launch-extension.mjs';

const headed = !process.env.CI && !process.argv.includes('--headless') && !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!findBrowser()) {
  console.error(BROWSER_HELP);
  process.exit(1);
}

console.log('1/4 Building the extension into dist/ …');
await build({ logLevel: 'warn' });

const shop = await startShop({ port: Number(process.env.SHOP_PORT ?? 8787), gatewayPort: Number(process.env.GATEWAY_PORT ?? 8788) }).catch(
  () => startShop(),
);
console.log(`2/4 Demo card shop 星河发卡 at ${shop.origin}  (易支付 gateway at ${shop.gatewayOrigin})`);

console.log(`3/4 Starting ${headed ? 'a Chromium window' : 'headless Chromium (no display found)'} with PayWitness loaded …`);
const browser = await launchWithExtension({ headless: !headed });
const { context } = browser;
const popupUrl = `chrome-extension://${browser.extensionId}/src/popup/index.html`;
const pause = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} url @param {string} what */
async function visit(url, what) {
  const page = await context.newPage();
  await page.bringToFront();
  await page.goto(url);
  console.log(`   · ${what}`);
  await pause(headed ? 2500 : 1500);
  return page;
}

await visit(`${shop.origin}/article/buy-notice`, "the shop's 购买须知 (kept as the shop's own words; drafts quote its unfair clauses)");
const product = await visit(`${shop.origin}/buy/1`, 'product page (its refund promise 「未使用的卡密 7 天内可申请退款」 is kept)');
await product.fill('#email', 'buyer@example.com');
await product.fill('#search_pwd', '123456');
await product.check('input[name="payway"][value="cashier"]');
await product.click('#submit');
await product.waitForURL(/\/bill\//);
const placed = new URL(product.url()).pathname.split('/').pop();
console.log(`   · placed order ${placed}, checkout page shown; paying at the hosted cashier …`);
await product.getByText('立即支付').click();
await product.waitForURL(/cashier\.php/);
await pause(1500);
console.log('   · the cashier (no order number on its page) was busy (系统繁忙); back, retrying with 易支付 …');
await product.goBack();
await product.goto(`${shop.origin}/pay-gateway/epay/alipay/${placed}`);
await pause(1500);
console.log('   · the 易支付 gateway refused the payment too (签名校验失败): same attempt, same case');
await visit(`${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`, 'WeChat payment: the shop gateway failed (支付网关异常)');
await visit(`${shop.origin}/detail-order-sn/${shop.orders.stalled}`, 'an order stuck in 处理中 for 30 h');
await visit(`${shop.origin}/detail-order-sn/${shop.orders.completed}`, 'a completed order (nothing to capture)');
await visit(`${shop.origin}/detail-order-sn/${shop.orders.fresh}`, 'an order placed 10 minutes ago (tracked, not an alarm)');

console.log('4/4 Exporting the evidence bundle from the popup …');
const popup = await context.newPage();
await popup.bringToFront();
await popup.goto(popupUrl);
await popup.getByRole('listitem').first().waitFor();
// The WeChat page cannot show whether money moved; the shopper's bill says it did.
await popup.locator('button.case-row', { hasText: 'Wechat API' }).click();
await popup.locator('fieldset.money-taken label', { hasText: /扣了|Yes/ }).click();
console.log('   · the shopper answers in the popup: the WeChat payment was taken from their account');
await pause(500);
await popup.getByRole('button', { name: /全部案件|All cases/ }).first().click();
const outDir = resolve('out');
await mkdir(outDir, { recursive: true });
const [download] = await Promise.all([
  popup.waitForEvent('download'),
  popup.getByRole('button', { name: /导出全部|Export all/ }).click(),
]);
const bundlePath = join(outDir, download.suggestedFilename());
await download.saveAs(bundlePath);

const { module: cli } = await runnerImport('./src/cli/paywitness-cli.ts', { configFile: false, logLevel: 'silent' });
const entries = await popup.evaluate(async () => {
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('paywitness-evidence');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const all = await new Promise((res) => {
    const q = /** @type {IDBDatabase} */ (db).transaction('captures').objectStore('captures').index('seq').getAll();
    q.onsuccess = () => res(q.result);
  });
  return /** @type {Array<{ entry: Record<string, any> }>} */ (all).map(({ entry }) => entry);
});

console.log(`\nCaptured ${entries.length} pieces of evidence:`);
for (const e of entries) {
  const kept = e.files.map((/** @type {{ role: string }} */ f) => f.role).join(' + ');
  const shot = e.screenshotError ? `${kept}; no screenshot: ${e.screenshotError}` : kept;
  console.log(`  ${e.capturedAt}  ${e.kind.padEnd(14)} ${String(e.responsibility ?? '-').padEnd(11)} ${e.orderId ?? ''}  ${e.message}  [${shot}]`);
}
console.log(`\nBundle: ${bundlePath}`);
await cli.runCli(['verify', bundlePath], (/** @type {string} */ line) => console.log(line));

const bundled = unzipSync(new Uint8Array(await readFile(bundlePath)));
const manifest = JSON.parse(new TextDecoder().decode(bundled['manifest.json']));
const caseIds = [...new Set(manifest.captures.map((/** @type {{ caseId: string }} */ c) => c.caseId))];
console.log(`\n${caseIds.length} cases, one per purchase attempt:`);
for (const caseId of caseIds) {
  const n = manifest.captures.filter((/** @type {{ caseId: string }} */ c) => c.caseId === caseId).length;
  console.log(`  ${caseId}  (${n} capture${n === 1 ? '' : 's'})`);
}
const drafts = Object.keys(bundled).filter((path) => path.startsWith('complaints/'));
console.log(`Complaint drafts (numbered in the order to use them):${drafts.length ? '' : ' none'}`);
for (const path of drafts) console.log(`  ${path}`);

if (headed) {
  console.log(`\nThe browser stays open: try the shop at ${shop.origin} and the popup at ${popupUrl}. Ctrl+C to quit.`);
  const quit = async () => {
    await browser.close();
    await shop.close();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  context.on('close', quit);
} else {
  await browser.close();
  await shop.close();
}
