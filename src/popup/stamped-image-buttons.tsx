import { useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { stampScreenshot } from '../export/stamp-image';
import { t } from '../shared/i18n';
import { saveAsDownload } from '../shared/save-download';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { currentPlatform, handoffOrder, handOffImage, type HandoffResult } from './image-handoff';

// Alipay / WeChat Pay complaint forms and support chats take only pictures: one click gives the
// stamped copy of a capture's screenshot (the same drawing as in the bundle) as a download or on
// the clipboard or the share sheet (image-handoff.ts). The stored original is only read, never changed.

const HANDOFF_STATUS: Record<HandoffResult, string> = {
  clipboard: 'stampedCopied',
  share: 'stampedShared',
  download: 'stampedSavedNoClipboard',
  cancelled: 'stampedShareCancelled',
};

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
  const fileName = (extension: string) => `paywitness-${capture.site.replace(/[^a-zA-Z0-9.-]/g, '_')}-${capture.id.slice(0, 8)}-stamped.${extension}`;
  const download = run(async () => {
    const copy = await stamped();
    saveAsDownload(copy.blob, fileName(copy.extension));
    return t('stampedSaved');
  });
  // Clipboard on a desktop; the share sheet first on a phone; a download where neither takes a picture.
  const ways = handoffOrder(currentPlatform());
  const handOff = run(async () => {
    // The clipboard takes PNG only; a large copy stamped as JPEG is re-encoded for it.
    const png = stamped().then(({ blob, extension }) => (extension === 'png' ? blob : toPng(blob)));
    const result = await handOffImage({ png, fileName: fileName('png'), title: capture.title || capture.site }, ways);
    return t(HANDOFF_STATUS[result]);
  });
  return (
    <>
      <button type="button" class="secondary" onClick={() => void download()}>
        {t('stampedDownload')}
      </button>
      {ways[0] !== 'download' && (
        <button type="button" class="secondary" onClick={() => void handOff()}>
          {t(ways[0] === 'share' ? 'stampedShare' : 'stampedCopy')}
        </button>
      )}
      {status && (
        <span class={`status${status.error ? ' error' : ''}`} role="status">
          {status.text}
        </span>
      )}
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
