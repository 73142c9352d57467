import { zipSync } from 'fflate';
import type { CaptureDraft, NewFile } from '../../src/store/capture-store';
import { buildManifest } from '../../src/export/bundle-manifest';
import { writeBundle } from '../../src/export/write-bundle';
import type { ChainEntry } from '../../src/evidence/deletion-entry';
import { chainEntries, commitCapture, readFile } from '../../src/store/capture-store';
import { openEvidenceDb, type EvidenceDb } from '../../src/store/open-evidence-db';

let dbCounter = 0;

export function freshDb(): Promise<EvidenceDb> {
  return openEvidenceDb(`test-db-${Date.now()}-${++dbCounter}`);
}

export function draft(overrides: Partial<CaptureDraft> = {}): CaptureDraft {
  const id = overrides.id ?? `cap-${++dbCounter}`;
  return {
    id,
    caseId: 'shop.example#order:ABCDEFGH12345678',
    trigger: 'auto',
    url: 'https://shop.example/pay-gateway/wx/wxpay/ABCDEFGH12345678',
    site: 'shop.example',
    title: '出现错误了哟~',
    capturedAt: '2026-11-28T09:30:00.000+08:00',
    timeZone: 'Asia/Shanghai',
    kind: 'payment_error',
    responsibility: 'platform',
    reasonCode: 'shop_gateway_error',
    reason: '商家网站自己的支付网关出错',
    message: '支付网关异常！',
    orderId: 'ABCDEFGH12345678',
    amount: 10,
    currency: 'CNY',
    status: null,
    createdAt: null,
    relatedOrderIds: [],
    screenshotError: null,
    environment: { extensionVersion: '0.1.0', userAgent: 'test', viewport: { width: 1280, height: 800, devicePixelRatio: 1 } },
    ...overrides,
  };
}

/** A small but real PNG signature followed by bytes unique to the capture. */
export function files(seed: string): NewFile[] {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(seed)]);
  return [
    { name: 'screenshot.png', blob: new Blob([png], { type: 'image/png' }), role: 'screenshot' },
    { name: 'page.txt', blob: new Blob([`页面文字 ${seed}\n支付网关异常！`], { type: 'text/plain;charset=utf-8' }), role: 'text' },
  ];
}

export async function dbWithCaptures(count: number): Promise<EvidenceDb> {
  const db = await freshDb();
  for (let i = 0; i < count; i++) await commitCapture(db, draft({ id: `capture-${i}` }), files(`seed-${i}`), `key-${i}`);
  return db;
}

export async function bundleBytes(db: EvidenceDb, entries?: ChainEntry[]): Promise<Uint8Array> {
  const manifest = buildManifest(entries ?? (await chainEntries(db)), '2026-11-28T10:00:00.000+08:00', '0.1.0');
  const chunks: Uint8Array[] = [];
  await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk));
  return concat(chunks);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries, { level: 0 });
}
