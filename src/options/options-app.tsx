import { t } from '../shared/i18n';
import { useEvidenceDb } from '../popup/use-evidence-db';
import { StorageUseLine } from '../popup/storage-use-line';
import { BackupSection } from './backup-section';
import { CaseManager } from './case-manager';
import { SettingsForm } from './settings-form';

// The options page, opened in a full tab: settings with their defaults, storage use, and the
// management of long case histories (search, filter, delete with confirmation).

export function OptionsApp() {
  const { db, error } = useEvidenceDb();
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm />
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t('storageHeading')}</h2>
        <StorageUseLine />
      </section>
      <BackupSection db={db} />
      {error && (
        <p class="status error" role="alert">
          {t('storeError', error)}
        </p>
      )}
      {db && <CaseManager db={db} />}
    </main>
  );
}
