import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/evidence/sha256';
import type { BundleManifest } from '../../src/export/bundle-manifest';
import { timestampRequest } from '../../src/timestamp/timestamp-request';
import { verifyBundle } from '../../src/verify/verify-bundle';
import { startExtensionSession, visit, type ExtensionSession } from '../harness/extension-session';
import { startLocalTsa, type LocalTsa } from '../harness/local-tsa';

// The optional trusted timestamp, end to end: the shopper sets a TSA URL in the popup, the export
// sends it only the chain head, the reply goes into the bundle, and both our verifier and
// `openssl ts -verify` accept it. The TSA is openssl's own `ts -reply` on 127.0.0.1.

const run = promisify(execFile);

describe('trusted timestamp (RFC 3161) round trip', () => {
  let session: ExtensionSession;
  let tsa: LocalTsa;

  beforeAll(async () => {
    tsa = await startLocalTsa();
    session = await startExtensionSession({ locale: 'zh-CN' });
  });
  afterAll(async () => {
    await session?.close();
    await tsa?.close();
  });

  it('stamps the chain head through the popup and verifies with our verifier and openssl', async () => {
    const { shop } = session;
    const page = await visit(session.context, `${shop.origin}/pay-gateway/wx/wxpay/${shop.orders.unpaid}`);
    await session.waitForEntries(1);
    await page.close();

    const popup = await visit(session.context, session.popupUrl);
    await popup.locator('details.export-options summary').click();
    const field = popup.getByRole('textbox', { name: /可信时间戳服务器/ });
    await field.fill(tsa.url);
    await field.press('Tab');
    await expect.poll(() => session.probe.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { timestampUrl?: string })?.timestampUrl)).toBe(tsa.url);
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 60_000 }), popup.getByRole('button', { name: '导出全部' }).click()]);
    const dir = await mkdtemp(join(tmpdir(), 'pw-tsa-bundle-'));
    const bundlePath = join(dir, 'bundle.zip');
    await download.saveAs(bundlePath);
    await popup.close();
    expect(tsa.requests).toBe(1);

    const bytes = new Uint8Array(await readFile(bundlePath));
    const files = unzipSync(bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BundleManifest;
    expect(manifest.extras!.find((extra) => extra.role === 'timestamp')!.path).toBe('timestamp.tsr');
    const result = await verifyBundle(bytes);
    expect(result).toMatchObject({ status: 'intact', timestamp: { signature: 'valid' } });
    if (result.status === 'intact') expect(Math.abs(Date.parse(result.timestamp!.genTime) - Date.now())).toBeLessThan(120_000);
    expect(new TextDecoder().decode(files['README.txt'])).toContain(`openssl ts -verify -digest ${manifest.chain.head}`);

    await writeFile(join(dir, 'timestamp.tsr'), files['timestamp.tsr']!);
    expect(await tsa.opensslVerify(join(dir, 'timestamp.tsr'), manifest.chain.head!)).toMatch(/Verification: OK/);
    const cli = await run(process.execPath, ['bin/paywitness.mjs', 'verify', bundlePath]);
    expect(cli.stdout).toMatch(/trusted timestamp \(RFC 3161\) over the chain head: .+ signature valid/);

    // A genuine token for another hash, with the manifest's file hash fixed up, is still caught.
    const other = await tsa.reply(timestampRequest('ab'.repeat(32), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)));
    const extra = manifest.extras!.find((item) => item.role === 'timestamp')!;
    extra.sha256 = await sha256Hex(other);
    extra.bytes = other.byteLength;
    const swapped = zipSync({ ...files, 'timestamp.tsr': other, 'manifest.json': strToU8(JSON.stringify(manifest)) }, { level: 0 });
    expect(await verifyBundle(swapped)).toMatchObject({
      status: 'tampered',
      problems: [expect.objectContaining({ entry: 'timestamp.tsr', reason: expect.stringMatching(/not this bundle's chain head/) })],
    });
  });
});
