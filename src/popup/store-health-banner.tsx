import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { parseStoreHealth, STORE_HEALTH_KEY, type StoreHealth } from '../shared/store-health';

type Shown = { title: string; detail: string | null; code: string };

/**
 * The worker's last write failed: say so at the top, live, until a write succeeds again. The
 * stored state says why; when the disk was too full to store even that, the action's red badge
 * and title (kept in browser memory) still do.
 */
export function StoreHealthBanner() {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    const refresh = async (stored?: StoreHealth | null) => {
      const health = stored !== undefined ? stored : parseStoreHealth((await browser.storage.local.get(STORE_HEALTH_KEY))[STORE_HEALTH_KEY]);
      if (health && !health.ok) {
        setShown({ title: t(`storeHealth_${health.code}`), detail: t('storeHealthSince', [new Date(health.at).toLocaleString(), health.detail]), code: health.code });
        return;
      }
      const badge = await browser.action.getBadgeText({}).catch(() => '');
      setShown(badge === '!' ? { title: await browser.action.getTitle({}), detail: null, code: 'badge' } : null);
    };
    void refresh();
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && STORE_HEALTH_KEY in changes) void refresh(parseStoreHealth(changes[STORE_HEALTH_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(() => void refresh(), 1_000);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, []);
  if (!shown) return null;
  return (
    <div class="banner error" role="alert" data-store-health={shown.code}>
      <strong>{shown.title}</strong>
      {shown.detail && <span class="detail">{shown.detail}</span>}
    </div>
  );
}
