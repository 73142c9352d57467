import { useState } from 'preact/hooks';
import type { CaseSummary } from '../cases/group-cases';
import { supportMessage } from '../checklist/support-message';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';

const HOUR = 3_600_000;

export interface SupportMessageProps {
  summary: CaseSummary;
  deadline: { at: string; overdue: boolean } | null;
  deadlineHours: number;
  onSent(at: string): void;
}

/** The generated message; copying it marks support as contacted, which starts the deadline. */
export function SupportMessage({ summary, deadline, deadlineHours, onSent }: SupportMessageProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const proposed = deadline?.at ?? new Date(Date.now() + deadlineHours * HOUR).toISOString();
  const text = supportMessage(summary, proposed, (key, subs) => t(key, subs), shortTime);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('copied'));
    } catch {
      setCopied(t('copyFailed'));
    }
    if (!deadline) onSent(new Date().toISOString());
  };
  return (
    <div class="support-message">
      <label for="support-text">{t('supportMessageLabel')}</label>
      <textarea id="support-text" readOnly rows={6} value={text} />
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
