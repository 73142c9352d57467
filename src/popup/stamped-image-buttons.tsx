import { useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { stampScreenshot } from '../export/stamp-image';
import { t } from '../shared/i18n';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

// Alipay / WeChat Pay complaint forms and support chats take only pictures: one click gives the
// stamped copy of a capture's screenshot (the same drawing as in the bundle) as a download or on
// the clipboard. The stored original is only read, never changed.

export function StampedImageButtons({ db, capture }: { db: EvidenceDb; capture: CaptureEntry }) {
  const shot = capture.files.find((file) => file.role === 'screenshot');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (!shot) return null;
  const stamped = async () => {
    const stored = await readFile(db, shot.path);
    if (!stored) throw new Error(t('stampedMissing'));
    const copy = await stampScreenshot(capture, stored.blob, shot.sha256);
    if (!copy) throw new Error(t('stampedMissing'));
    return copy;
  };
  const run = (action: () => Promise<string>) => async () => {
    try {
      setStatus({ text: await action(), error: false });
    } catch (failure) {
      setStatus({ text: failure instanceof Error ? failure.message : String(failure), error: true });
    }
  };
  const download = run(async () => {
    const copy = await stamped();
    const url = URL.createObjectURL(copy.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `paywitness-${capture.site.replace(/[^a-zA-Z0-9.-]/g, '_')}-${capture.id.slice(0, 8)}-stamped.${copy.extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return t('stampedSaved');
  });
  const copy = run(async () => {
    const { blob, extension } = await stamped();
    // The clipboard takes PNG only; a large copy stamped as JPEG is re-encoded for it.
    const png = extension === 'png' ? blob : await toPng(blob);
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return t('stampedCopied');
  });
  return (
    <>
      <button type="button" class="secondary" onClick={() => void download()}>
        {t('stampedDownload')}
      </button>
      <button type="button" class="secondary" onClick={() => void copy()}>
        {t('stampedCopy')}
      </button>
      {status && <span class={`status${status.error ? ' error' : ''}`}>{status.text}</span>}
    </>
  );
}

async function toPng(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
