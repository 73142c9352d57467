import type { ComponentChildren } from 'preact';
import { hoursAndMinutes } from '../orders/order-watch';
import { t } from '../shared/i18n';
import type { ShopHistory } from '../shop/shop-history';
import type { KeptPromise, ShopProfile } from '../shop/shop-profile';
import { shortTime } from './format-time';
import { whereText } from './where-text';

/** Terms documents seen on the site and the clauses flagged in them, with the laws they run against. */
export function ShopTermsView({ profile }: { profile: ShopProfile }) {
  const { terms, clauses } = profile;
  return (
    <ShopBlock heading={t('shopTermsHeading')} empty={terms.length === 0 ? t('shopTermsNone') : null}>
      <ul class="plain">
        {terms.map((doc) => (
          <li key={doc.name}>
            {doc.name} <span class="where">{t('seenIn', whereText(doc.where))}</span>
          </li>
        ))}
      </ul>
      {clauses.length > 0 && (
        <details class="flagged">
          <summary>{t('shopClausesSummary', String(clauses.length))}</summary>
          <ul class="clauses">
            {clauses.map((clause, index) => (
              <li key={`${clause.rule}-${index}`}>
                <strong>{t(`clause_${clause.rule}`)}</strong>
                <blockquote>{clause.clause}</blockquote>
                <p class="how">
                  {clause.laws.map((law) => t(`lawShort_${law}`)).join(' · ')} · {t('seenIn', whereText(clause.where))}
                </p>
              </li>
            ))}
          </ul>
          <p class="note">{t('notLegalAdvice')}</p>
        </details>
      )}
    </ShopBlock>
  );
}

/** Refund promises seen on the site: the words as the shop printed them, where, and when kept. */
export function ShopPromisesView({ promises }: { promises: readonly KeptPromise[] }) {
  return (
    <ShopBlock heading={t('shopPromisesHeading')} empty={promises.length === 0 ? t('shopPromisesNone') : null}>
      <ul class="promises">
        {promises.map((promise) => (
          <li key={promise.captureId ?? promise.text}>
            <blockquote>{promise.text}</blockquote>
            <p class="how">
              {t('seenIn', whereText(promise.where))} · {promise.keptAt ? t('promiseKeptAt', shortTime(promise.keptAt)) : t('promiseNotKept')}
            </p>
          </li>
        ))}
      </ul>
    </ShopBlock>
  );
}

/** The shopper's own record here: failed payments, unresolved cases, stalled orders, deadlines. */
export function ShopHistoryView({ history }: { history: ShopHistory }) {
  const { failedPayments, openCases, stalledOrders, deadlines } = history;
  const empty = failedPayments + openCases.length + stalledOrders.length + deadlines.length === 0;
  return (
    <ShopBlock heading={t('shopHistoryHeading')} empty={empty ? t('historyNone') : null}>
      <ul class="plain history">
        {failedPayments > 0 && <li>{t('historyFailed', String(failedPayments))}</li>}
        {openCases.map((open) => (
          <li key={open.caseId} class="red">
            {t('historyOpenCase', [open.orderId ?? t(`kind_${open.kind}`), shortTime(open.lastAt)])}
          </li>
        ))}
        {stalledOrders.map((order) => (
          <li key={order.orderId} class="red">
            {t('historyStalled', [order.orderId, hoursAndMinutes(order.ageMs)])}
          </li>
        ))}
        {deadlines.map((deadline) => (
          <li key={deadline.caseId} class={deadline.overdue ? 'red' : undefined}>
            {t(deadline.overdue ? 'historyDeadlineOverdue' : 'historyDeadline', shortTime(deadline.dueAt))}
          </li>
        ))}
      </ul>
    </ShopBlock>
  );
}

/** One block of the section: its heading, and what to say when it has nothing to show. */
function ShopBlock({ heading, empty, children }: { heading: string; empty: string | null; children: ComponentChildren }) {
  return (
    <div class="shop-block">
      <h3>{heading}</h3>
      {empty && <p class="how">{empty}</p>}
      {children}
    </div>
  );
}
