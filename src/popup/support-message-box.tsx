import { useState } from 'preact/hooks';
import type { CaseFacts } from '../export/case-facts';
import { shopSupportMessage } from '../export/complaints/complaint-drafts';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';

const HOUR = 3_600_000;

export interface SupportMessageProps {
  /** The open case as the bundle's drafts see it: the message is the bundle's 致商家客服 draft. */
  facts: CaseFacts;
  deadline: { at: string; overdue: boolean } | null;
  deadlineHours: number;
  onSent(at: string): void;
}

/**
 * The message to the shop, written in the language of the shop's pages whatever the UI language;
 * copying it marks support as contacted, which starts the deadline.
 */
export function SupportMessage({ facts, deadline, deadlineHours, onSent }: SupportMessageProps) {
  const [copied, setCopied] = useState<string | null>(null);
  // A running deadline is quoted as it was set; otherwise the deadline starts when the shopper
  // copies, and the copied text quotes the very deadline that is stored (the popup may have been
  // open for minutes since it drew the text).
  const messageFrom = (start: number) => shopSupportMessage(facts, { deadlineHours, now: new Date(start).toISOString() });
  const text = messageFrom(deadline ? Date.parse(deadline.at) - deadlineHours * HOUR : Date.now());
  const copy = async () => {
    const sentAt = Date.now();
    try {
      await navigator.clipboard.writeText(deadline ? text : messageFrom(sentAt));
      setCopied(t('copied'));
    } catch {
      setCopied(t('copyFailed'));
    }
    if (!deadline) onSent(new Date(sentAt).toISOString());
  };
  return (
    <div class="support-message">
      <label for="support-text">{t('supportMessageLabel')}</label>
      <p class="how">{t('supportMessageLanguage', t(`draftLanguage_${facts.language}`))}</p>
      <textarea id="support-text" readOnly rows={6} lang={facts.language === 'zh' ? 'zh-CN' : 'en'} value={text} />
      <div class="row">
        <button type="button" onClick={() => void copy()}>
          {deadline ? t('copyMessage') : t('copyAndStartDeadline')}
        </button>
        {copied && <span role="status">{copied}</span>}
      </div>
      {deadline && (
        <p class={deadline.overdue ? 'deadline overdue' : 'deadline'}>
          {t(deadline.overdue ? 'deadlinePassed' : 'deadlineRunning', shortTime(deadline.at))}
        </p>
      )}
    </div>
  );
}
