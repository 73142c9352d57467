import type { CaptureEntry } from '../evidence/capture-entry';
import { t } from '../shared/i18n';
import { isRefundPromiseRecord } from '../shop/refund-promise-record';
import { shortTime } from './format-time';

/** In a case: the refund promises the shop showed on this site, verbatim, with when, where and which capture. */
export function RefundPromisesCard({ captures }: { captures: readonly CaptureEntry[] }) {
  const promises = captures.filter(isRefundPromiseRecord);
  if (promises.length === 0) return null;
  return (
    <section class="card" aria-labelledby="promises-heading">
      <h3 id="promises-heading">{t('promisesCardHeading')}</h3>
      <ul class="promises">
        {promises.map((promise) => (
          <li key={promise.id}>
            <blockquote>{promise.message}</blockquote>
            <p class="how">
              {t('promiseKeptAt', shortTime(promise.capturedAt))} · {promise.title || promise.url} · {t('captureIdLabel', promise.id.slice(0, 8))}
            </p>
          </li>
        ))}
      </ul>
      <p class="note">{t('promisesCardNote')}</p>
    </section>
  );
}
