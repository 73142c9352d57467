import type { TrustSignals } from '../terms/trust-signals';
import type { UnfairClause } from '../terms/unfair-clauses';
import { t } from '../shared/i18n';

/** What the shop showed about itself, from captured pages. A missing signal is shown as missing. */
export function ShopTrustView({ signals }: { signals: TrustSignals }) {
  const rows: Array<[string, string | null]> = [
    ['trust_icp', signals.icp],
    ['trust_company', signals.company],
    ['trust_escrow', signals.escrow ? t('yes') : null],
    ['trust_terms', signals.termsSeen ? t('yes') : null],
  ];
  return (
    <section class="card" aria-labelledby="trust-heading">
      <h3 id="trust-heading">{t('trustHeading')}</h3>
      <dl class="facts trust">
        {rows.map(([key, value]) => (
          <div key={key} class={value ? 'done' : 'missing'}>
            <dt>{t(key)}</dt>
            <dd>{value ?? t('notSeen')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Clauses of the shop's terms that look unfair, each with the law it runs against. */
export function UnfairClausesView({ clauses }: { clauses: readonly UnfairClause[] }) {
  if (clauses.length === 0) return null;
  const laws = [...new Set(clauses.flatMap((clause) => clause.laws))].sort();
  return (
    <section class="card" aria-labelledby="clauses-heading">
      <h3 id="clauses-heading">{t('clausesHeading')}</h3>
      <ul class="clauses">
        {clauses.map((clause, index) => (
          <li key={`${clause.rule}-${index}`}>
            <strong>{t(`clause_${clause.rule}`)}</strong>
            <blockquote>{clause.clause}</blockquote>
            <p class="how">{clause.laws.map((law) => t(`lawShort_${law}`)).join(' · ')}</p>
          </li>
        ))}
      </ul>
      <dl class="laws">
        {laws.map((law) => (
          <div key={law}>
            <dt>{t(`lawShort_${law}`)}</dt>
            <dd>{t(`law_${law}`)}</dd>
          </div>
        ))}
      </dl>
      <p class="note">{t('notLegalAdvice')}</p>
    </section>
  );
}
