import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

// Links to the official lookups, opened only when the shopper clicks: the MIIT ICP filing system
// and the national enterprise credit system. Neither accepts a search in its address (both ask for a
// captcha), so the click also copies the number or name to paste there. Nothing is sent by us.

export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/#/Integrated/recordQuery';
export const COMPANY_LOOKUP_URL = 'https://www.gsxt.gov.cn/index.html';

export function LookupLink({ url, value, label }: { url: string; value: string; label: string }) {
  const [note, setNote] = useState<string | null>(null);
  const copy = () => {
    setNote(t('lookupTypeIt', value));
    void navigator.clipboard?.writeText(value).then(() => setNote(t('lookupCopied', value)), () => undefined);
  };
  return (
    <span class="lookup">
      <a href={url} target="_blank" rel="noopener noreferrer" onClick={copy}>
        {label}
      </a>
      {note && (
        <span class="how" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
