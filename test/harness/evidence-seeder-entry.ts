import { orderCaseId } from '../../src/cases/attempt-case';
import { commitCapture } from '../../src/store/capture-store';
import { openEvidenceCopy } from '../../src/store/evidence-copy';
import { openEvidenceDb } from '../../src/store/open-evidence-db';

// Injected into an extension page by the export benchmark e2e: fills the extension's real store,
// through the real store module, with `count` captures whose screenshots are real PNGs made
// incompressible by a noise block (so ~50 MB of evidence is really ~50 MB).

async function noisyPng(seed: number, noiseSide: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(1280, 800);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f8fafc';
  context.fillRect(0, 0, 1280, 800);
  context.fillStyle = '#b91c1c';
  context.font = '40px sans-serif';
  context.fillText(`支付网关异常！ #${seed}`, 60, 100);
  const noise = context.createImageData(noiseSide, noiseSide);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < noise.data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    noise.data[i] = i % 4 === 3 ? 255 : state >>> 24;
  }
  context.putImageData(noise, 60, 160);
  return canvas.convertToBlob({ type: 'image/png' });
}

async function seed(count: number, noiseSide: number): Promise<number> {
  const db = await openEvidenceDb();
  // Both stores, as the extension itself writes them.
  const copy = openEvidenceCopy();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const png = await noisyPng(i + 1, noiseSide);
    bytes += png.size;
    const orderId = `BENCH${String(i % 10).padStart(4, '0')}`;
    const capturedAt = new Date(Date.UTC(2026, 10, 28, 1, i)).toISOString().replace('Z', '+00:00');
    await commitCapture(
      db,
      {
        id: crypto.randomUUID(),
        caseId: orderCaseId('bench.example', orderId),
        trigger: 'auto',
        url: `https://bench.example/pay-gateway/wx/wxpay/${orderId}`,
        site: 'bench.example',
        title: '出现错误了哟~',
        capturedAt,
        timeZone: 'UTC',
        kind: 'payment_error',
        responsibility: 'platform',
        reasonCode: 'shop_gateway_error',
        reason: '商家网站自己的支付网关出错',
        message: '支付网关异常！',
        orderId,
        amount: 10 + i,
        currency: 'CNY',
        status: null,
        createdAt: null,
        relatedOrderIds: [],
        screenshotError: null,
        environment: { extensionVersion: 'bench', userAgent: navigator.userAgent, viewport: { width: 1280, height: 800, devicePixelRatio: 1 } },
      },
      [
        { name: 'screenshot.png', blob: png, role: 'screenshot' },
        { name: 'page.txt', blob: new Blob([`支付网关异常！ #${i}\n`.repeat(200)], { type: 'text/plain;charset=utf-8' }), role: 'text' },
      ],
      `bench-${i}`,
      copy,
    );
  }
  db.close();
  return bytes;
}

(globalThis as unknown as { __payWitnessSeed: typeof seed }).__payWitnessSeed = seed;
