import { useEffect, useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { t } from '../shared/i18n';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { DeleteCaptureButton } from './delete-capture-button';

// Page text from the capture is rendered as JSX text nodes only: never as HTML.

export function CaptureRow({ db, capture, onDeleted }: { db: EvidenceDb; capture: CaptureEntry; onDeleted?: () => void }) {
  const responsibility = capture.responsibility ?? 'unknown';
  const facts = [
    capture.orderId && `${t('orderLabel')} ${capture.orderId}`,
    capture.amount !== null && `${capture.currency ?? ''} ${capture.amount.toFixed(2)}`.trim(),
    capture.status,
  ].filter(Boolean);
  return (
    <li>
      <Thumbnail db={db} capture={capture} />
      <div>
        <div class="meta">
          <span class="site">{capture.site}</span>
          <time class="time" dateTime={capture.capturedAt}>
            {new Date(capture.capturedAt).toLocaleString()}
          </time>
        </div>
        <div class="meta">
          <span class="kind">{t(`kind_${capture.kind}`)}</span>
          <span class={`chip ${responsibility}`} title={capture.reason}>
            {t(`responsibility_${responsibility}`)}
          </span>
        </div>
        <p class="message">{capture.message}</p>
        {facts.length > 0 && <p class="facts">{facts.join(' · ')}</p>}
        <DeleteCaptureButton capture={capture} onDeleted={onDeleted} />
      </div>
    </li>
  );
}

function Thumbnail({ db, capture }: { db: EvidenceDb; capture: CaptureEntry }) {
  const shot = capture.files.find((file) => file.role === 'screenshot');
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!shot) return undefined;
    let url: string | null = null;
    let cancelled = false;
    void readFile(db, shot.path).then((file) => {
      if (cancelled || !file) return;
      url = URL.createObjectURL(file.blob);
      setSrc(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, shot?.path]);
  if (!shot) {
    return (
      <div class="thumb none" title={capture.screenshotError ?? ''}>
        {t('screenshotMissing', capture.screenshotError ?? '?')}
      </div>
    );
  }
  return <img class="thumb" src={src ?? undefined} alt={capture.title} loading="lazy" />;
}
