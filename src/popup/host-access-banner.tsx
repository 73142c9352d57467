import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, onHostAccessChange, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';

/** Says plainly when PayWitness may not read websites (so keeps nothing), and asks for it. */
export function HostAccessBanner() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const check = () => void hasHostAccess().then((value) => live && setGranted(value), () => undefined);
    check();
    const stop = onHostAccessChange(check);
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (granted !== false) return null;
  return (
    <div class="status error host-access" role="alert">
      <p>{t('hostAccessMissing')}</p>
      <p>{t('hostAccessWhere')}</p>
      <button type="button" onClick={() => void requestHostAccess().then(setGranted, () => undefined)}>
        {t('hostAccessGrant')}
      </button>
    </div>
  );
}
