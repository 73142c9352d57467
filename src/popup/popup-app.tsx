import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { listCaptures, type LiveCapture } from '../store/capture-store';
import { CaptureRow } from './capture-row';
import { ExportAllButton } from './export-all-button';
import { HostAccessBanner } from './host-access-banner';
import { StorageUseLine } from './storage-use-line';
import { StoreHealthBanner } from './store-health-banner';
import { useEvidenceDb } from './use-evidence-db';

const PAGE = 50;

export function PopupApp() {
  const { db, error } = useEvidenceDb();
  const [captures, setCaptures] = useState<LiveCapture[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(
    async (beforeSeq?: number) => {
      if (!db) return;
      try {
        const page = await listCaptures(db, { limit: PAGE, beforeSeq });
        setCaptures((previous) => (beforeSeq === undefined ? page : [...previous, ...page]));
        setHasMore(page.length === PAGE);
      } catch (failure) {
        setLoadError(String(failure));
      }
    },
    [db],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const problem = error ?? loadError;
  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        {db && <ExportAllButton db={db} />}
      </header>
      <HostAccessBanner />
      <StoreHealthBanner />
      {problem && (
        <p class="status error" role="alert">
          {t('storeError', problem)}
        </p>
      )}
      {db && captures.length === 0 && !problem && <p class="status">{t('noCaptures')}</p>}
      <ol class="captures" aria-label={t('popupTitle')}>
        {captures.map((stored) => (
          <CaptureRow key={stored.entry.id} db={db!} capture={stored.entry} onDeleted={() => void load()} />
        ))}
      </ol>
      {hasMore && (
        <button type="button" class="secondary more" onClick={() => void load(captures.at(-1)?.seq)}>
          {t('loadMore')}
        </button>
      )}
      <StorageUseLine refreshKey={captures.length} />
    </main>
  );
}
