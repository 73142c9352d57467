import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { formatBytes, readStorageUse, type StorageUse } from '../shared/storage-use';

/** One line: evidence store size and free space. Reusable on the options page. */
export function StorageUseLine({ refreshKey }: { refreshKey?: unknown }) {
  const [use, setUse] = useState<StorageUse | null>(null);
  useEffect(() => {
    void readStorageUse().then(setUse);
  }, [refreshKey]);
  if (!use) return null;
  return (
    <p class="storage-use" data-used-bytes={use.usedBytes}>
      {t('storageUse', [formatBytes(use.usedBytes), use.freeBytes === null ? '?' : formatBytes(use.freeBytes)])}
    </p>
  );
}
