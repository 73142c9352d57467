import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaptureEntry } from '../evidence/capture-entry';
import { t } from '../shared/i18n';
import { readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

// A thumbnail that opens the full screenshot over the popup; Escape or the close button returns
// focus to the thumbnail so keyboard users keep their place.

export function ZoomableScreenshot({ db, capture }: { db: EvidenceDb; capture: CaptureEntry }) {
  const shot = capture.files.find((file) => file.role === 'screenshot');
  const src = useBlobUrl(db, shot?.path ?? null);
  const [zoomed, setZoomed] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (zoomed) closer.current?.focus();
  }, [zoomed]);
  if (!shot) {
    return (
      <div class="thumb none" title={capture.screenshotError ?? ''}>
        {t('screenshotMissing', capture.screenshotError ?? '?')}
      </div>
    );
  }
  const close = () => {
    setZoomed(false);
    opener.current?.focus();
  };
  return (
    <>
      <button type="button" class="thumb-button" ref={opener} onClick={() => setZoomed(true)} aria-label={t('zoomScreenshot')}>
        <img class="thumb" src={src ?? undefined} alt="" />
      </button>
      {zoomed && (
        <div
          class="zoom"
          role="dialog"
          aria-modal="true"
          aria-label={t('screenshotOf', capture.title || capture.site)}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <button type="button" class="secondary" ref={closer} onClick={close}>
            {t('close')}
          </button>
          <img src={src ?? undefined} alt={t('screenshotOf', capture.title || capture.site)} />
        </div>
      )}
    </>
  );
}

function useBlobUrl(db: EvidenceDb, path: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return undefined;
    let url: string | null = null;
    let cancelled = false;
    void readFile(db, path).then((file) => {
      if (cancelled || !file) return;
      url = URL.createObjectURL(file.blob);
      setSrc(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [db, path]);
  return src;
}
