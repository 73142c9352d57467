import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS, LANGUAGE_SETTINGS, loadSettings, saveSettings, type Settings } from '../settings/settings';
import { requestFullPagePermission } from './full-page-permission';
import { parseHostList } from './host-list';

// Every setting with its label, its default shown beside it, saved together. Lists of sites are
// edited one host per line.

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [allow, setAllow] = useState('');
  const [deny, setDeny] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded);
      setAllow(loaded.siteAllowList.join('\n'));
      setDeny(loaded.siteDenyList.join('\n'));
    });
  }, []);
  if (!settings) return <p class="status">{t('loading')}</p>;

  const change = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings({ ...settings, [key]: value });
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      // Settings edited elsewhere (backups, below; the time-stamping server, in the popup) are not
      // written back from this form's copy of them, which may be older.
      const { backupSchedule: _backups, timestampUrl: _timestamps, ...shown } = settings;
      const saved = await saveSettings({ ...shown, siteAllowList: parseHostList(allow), siteDenyList: parseHostList(deny) });
      setSettings(saved);
      setAllow(saved.siteAllowList.join('\n'));
      setDeny(saved.siteDenyList.join('\n'));
      setStatus({ text: t('settingsSaved'), error: false });
    } catch (failure) {
      setStatus({ text: t('saveFailed', String(failure)), error: true });
    }
  };
  const hours = (key: 'stallThresholdHours' | 'supportDeadlineHours') => (
    <label class="field">
      <span>{t(`setting_${key}`)}</span>
      <input
        type="number"
        min={1}
        max={key === 'stallThresholdHours' ? 24 * 30 : 24 * 90}
        value={settings[key]}
        onInput={(event) => change(key, Number(event.currentTarget.value) || DEFAULT_SETTINGS[key])}
      />
      <small>{t('settingDefault', String(DEFAULT_SETTINGS[key]))}</small>
    </label>
  );
  const toggle = (key: 'autoCapture' | 'fullPageCapture') => (
    <label class="field check">
      <input
        type="checkbox"
        checked={settings[key]}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          change(key, on);
          // Asked inside the click, as the browser requires; see full-page-permission.ts.
          if (key === 'fullPageCapture' && on) void requestFullPagePermission();
        }}
      />
      <span>{t(`setting_${key}`)}</span>
      <small>{t('settingDefault', t(DEFAULT_SETTINGS[key] ? 'on' : 'off'))}</small>
    </label>
  );
  return (
    <form class="settings" aria-labelledby="settings-heading" onSubmit={(event) => void save(event)}>
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      {toggle('autoCapture')}
      {toggle('fullPageCapture')}
      {hours('stallThresholdHours')}
      {hours('supportDeadlineHours')}
      <label class="field">
        <span>{t('setting_siteAllowList')}</span>
        <textarea rows={3} value={allow} onInput={(event) => setAllow(event.currentTarget.value)} />
        <small>{t('settingHostListHelp')}</small>
      </label>
      <label class="field">
        <span>{t('setting_siteDenyList')}</span>
        <textarea rows={3} value={deny} onInput={(event) => setDeny(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('setting_language')}</span>
        <select value={settings.language} onChange={(event) => change('language', LANGUAGE_SETTINGS.find((code) => code === event.currentTarget.value) ?? 'auto')}>
          {LANGUAGE_SETTINGS.map((code) => (
            <option key={code} value={code}>
              {t(`language_${code}`)}
            </option>
          ))}
        </select>
        <small>{t('settingLanguageHelp')}</small>
      </label>
      <div class="row">
        <button type="submit">{t('saveSettings')}</button>
        {status && (
          <span role="status" class={status.error ? 'status error' : 'status'}>
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}
