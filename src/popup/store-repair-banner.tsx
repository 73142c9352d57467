import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { parseRepairNotice, repairLines, STORE_REPAIR_KEY, type StoreRepairNotice } from '../shared/store-repair-notice';

/**
 * The worker repaired the evidence stores (put records back from the second copy, rewrote the copy,
 * joined two diverged branches): say what, until the shopper dismisses it.
 */
export function StoreRepairBanner() {
  const [notice, setNotice] = useState<StoreRepairNotice | null>(null);
  useEffect(() => {
    void browser.storage.local.get(STORE_REPAIR_KEY).then((stored) => setNotice(parseRepairNotice(stored[STORE_REPAIR_KEY])));
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && STORE_REPAIR_KEY in changes) setNotice(parseRepairNotice(changes[STORE_REPAIR_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!notice) return null;
  const dismiss = () => void browser.storage.local.remove(STORE_REPAIR_KEY).then(() => setNotice(null));
  return (
    <div class={`banner ${notice.chainOk ? 'info' : 'error'}`} role="alert" data-store-repair="">
      <strong>{t(notice.chainOk ? 'repairTitle' : 'repairTitleBroken')}</strong>{' '}
      <span class="detail">{t('repairSince', new Date(notice.at).toLocaleString())}</span>
      <ul>
        {repairLines(notice).map(([key, substitutions]) => (
          <li key={key}>{t(key, substitutions)}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {t('repairDismiss')}
      </button>
    </div>
  );
}
