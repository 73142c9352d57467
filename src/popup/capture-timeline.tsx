import type { CaptureEntry } from '../evidence/capture-entry';
import { money } from '../checklist/money-label';
import { t } from '../shared/i18n';
import type { EvidenceDb } from '../store/open-evidence-db';
import { CaptureActions } from './capture-actions';
import { shortTime } from './format-time';
import { ZoomableScreenshot } from './zoomable-screenshot';

// What happened, oldest first. Page text is rendered as JSX text nodes only: never as HTML.

export function CaptureTimeline({ db, captures, onChanged }: { db: EvidenceDb; captures: readonly CaptureEntry[]; onChanged(): void }) {
  return (
    <ol class="timeline" aria-label={t('timelineHeading')}>
      {captures.map((capture) => (
        <li key={capture.id}>
          <ZoomableScreenshot db={db} capture={capture} />
          <div>
            <div class="meta">
              <time class="time" dateTime={capture.capturedAt}>
                {shortTime(capture.capturedAt)}
              </time>
              <span class="kind">{t(`kind_${capture.kind}`)}</span>
              {capture.trigger === 'manual' && <span class="kind">{t('manualCapture')}</span>}
            </div>
            {capture.message && <p class="message">{capture.message}</p>}
            <CaptureFacts capture={capture} />
            <CaptureActions db={db} capture={capture} onChanged={onChanged} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function CaptureFacts({ capture }: { capture: CaptureEntry }) {
  const facts: Array<[string, string]> = [];
  if (capture.orderId) facts.push([t('orderLabel'), capture.orderId]);
  if (capture.amount !== null) facts.push([t('amountLabel'), money(capture.amount, capture.currency)]);
  if (capture.status) facts.push([t('statusLabel'), capture.status]);
  if (capture.createdAt) facts.push([t('createdLabel'), shortTime(capture.createdAt)]);
  if (facts.length === 0) return null;
  return (
    <dl class="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
