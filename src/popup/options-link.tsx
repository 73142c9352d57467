import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

/** Settings and the management of long histories live in the options page, a full tab. */
export function OptionsLink() {
  return (
    <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('openOptions')}
    </button>
  );
}
