import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { parseStoreHealth, STORE_HEALTH_KEY, type StoreHealth } from '../shared/store-health';

/** The worker's last write failed: say so at the top, live, until a write succeeds again. */
export function StoreHealthBanner() {
  const [health, setHealth] = useState<StoreHealth | null>(null);
  useEffect(() => {
    void browser.storage.local.get(STORE_HEALTH_KEY).then((stored) => setHealth(parseStoreHealth(stored[STORE_HEALTH_KEY])));
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && STORE_HEALTH_KEY in changes) setHealth(parseStoreHealth(changes[STORE_HEALTH_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!health || health.ok) return null;
  return (
    <div class="banner error" role="alert" data-store-health={health.code}>
      <strong>{t(`storeHealth_${health.code}`)}</strong>
      <span class="detail">{t('storeHealthSince', [new Date(health.at).toLocaleString(), health.detail])}</span>
    </div>
  );
}
