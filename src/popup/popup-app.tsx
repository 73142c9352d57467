import { t } from '../shared/i18n';
import { BackupLine } from './backup-line';
import { CaptureTools } from './capture-tools';
import { CaseReview } from './case-review';
import { ExportAllButton } from './export-all-button';
import { HostAccessBanner } from './host-access-banner';
import { OptionsLink } from './options-link';
import { StorageUseLine } from './storage-use-line';
import { StoreHealthBanner } from './store-health-banner';
import { ThisShop } from './this-shop';
import { StoreRepairBanner } from './store-repair-banner';
import { useCases } from './use-cases';
import { useEvidenceDb } from './use-evidence-db';
import { WatchingOrders } from './watching-orders';

// The popup shell. Each marked slot takes one line per component; a component gets `db` and may
// call `cases.reload()` after it changed the evidence. Keep layout here, behaviour in components.

export function PopupApp() {
  const { db, error } = useEvidenceDb();
  const cases = useCases(db);
  const problem = error ?? cases.error;
  return (
    <main>
      <header>
        <h1>{t('popupTitle')}</h1>
        {/* Slot: header actions. */}
        {db && <ExportAllButton db={db} />}
      </header>

      {/* Slot: banners (storage, quota, warnings). */}
      <StoreHealthBanner />
      <StoreRepairBanner />
      <HostAccessBanner />
      {problem && (
        <p class="status error" role="alert">
          {t('storeError', problem)}
        </p>
      )}

      {/* Slot: this shop (the site in the current tab), before anything else about cases. */}
      <ThisShop />

      {/* Slot: tools above the cases (manual capture, …). */}
      {db && <CaptureTools db={db} loaded={cases.cases ?? []} onChange={cases.reload} />}

      {db && <CaseReview db={db} state={cases} />}

      {/* Slot: sections below the cases (watched orders, …). */}
      {db && <WatchingOrders db={db} />}

      <footer>
        {/* Slot: footer links. */}
        <StorageUseLine />
        <BackupLine />
        <OptionsLink />
      </footer>
    </main>
  );
}
