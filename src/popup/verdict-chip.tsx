import type { Responsibility } from '../evidence/capture-entry';
import { t } from '../shared/i18n';

export function VerdictChip({ responsibility, title }: { responsibility: Responsibility | null; title?: string }) {
  const key = responsibility ?? 'unknown';
  return (
    <span class={`chip ${key}`} title={title}>
      {t(`responsibility_${key}`)}
    </span>
  );
}
