import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';
import type { ShopProfile, Where } from '../shop/shop-profile';
import { COMPANY_LOOKUP_URL, ICP_LOOKUP_URL, LookupLink } from './shop-lookup-links';
import { whereText } from './where-text';

/** What the shop shows about itself and how it takes money: each value with where it was read. */
export function ShopSignalRows({ profile }: { profile: ShopProfile }) {
  const { icp, companies, creditCodes, contacts, payments, escrow, aggregators } = profile;
  const lookupName = creditCodes.find((code) => code.valid)?.code ?? companies[0]?.name;
  return (
    <dl class="shop-signals">
      <Row label={t('shopRow_icp')} empty={icp.length === 0}>
        {icp.map((number) => (
          <Value key={number.shown} where={number.where} warn={number.problems.length > 0}>
            <span class="value">{number.shown}</span>
            {number.province && <span class="how">{t('icpProvince', t(`province_${number.province}`))}</span>}
            <span class="how">{number.problems.length ? number.problems.map((problem) => t(`icpProblem_${problem}`)).join('；') : t('icpWellFormed')}</span>
          </Value>
        ))}
        {icp[0] && <LookupLink url={ICP_LOOKUP_URL} value={icp[0].subject} label={t('lookupIcp')} />}
      </Row>
      <Row label={t('shopRow_company')} empty={companies.length === 0}>
        {companies.map((company) => (
          <Value key={company.name} where={company.where}>
            <span class="value">{company.name}</span>
          </Value>
        ))}
        {creditCodes.map((code) => (
          <Value key={code.code} where={code.where} warn={!code.valid}>
            <span class="value">
              {t('shopRow_creditCode')} {code.code}
            </span>
            <span class="how">{t(code.valid ? 'creditCodeValid' : 'creditCodeInvalid')}</span>
          </Value>
        ))}
        {lookupName && <LookupLink url={COMPANY_LOOKUP_URL} value={lookupName} label={t('lookupCompany')} />}
      </Row>
      <Row label={t('shopRow_contacts')} empty={contacts.length === 0}>
        {contacts.map((contact) => (
          <Value key={`${contact.kind}|${contact.value}`} where={contact.where}>
            <span class="value">
              {t('labelled', [t(`contact_${contact.kind}`), contact.value])}
            </span>
          </Value>
        ))}
      </Row>
      <Row label={t('shopRow_payments')} empty={payments.length === 0}>
        {payments.map((payment) => (
          <Value key={payment.method} where={payment.where}>
            <span class="value">{t(`payment_${payment.method}`)}</span>
            <span class="how">{t(`paymentMeaning_${payment.method}`)}</span>
          </Value>
        ))}
      </Row>
      <Row label={t('shopRow_escrow')} empty={escrow.state === null}>
        {escrow.seen.slice(0, 1).map((seen) => (
          <Value key={seen.state} where={seen.where} warn={escrow.state === 'refused'}>
            <span class="value">{t(`escrow_${escrow.state ?? seen.state}`)}</span>
            <q>{seen.text}</q>
          </Value>
        ))}
        <span class="how">{t('escrowMeaning')}</span>
      </Row>
      <Row label={t('shopRow_aggregator')} empty={false}>
        {aggregators.length === 0 && <span class="how">{t('aggregatorNotSeen')}</span>}
        {aggregators.map((aggregator) => (
          <Value key={aggregator.kind} where={aggregator.where} warn>
            <span class="value">{t(`aggregator_${aggregator.kind}`)}</span>
            <span class="how">{aggregator.shown}</span>
          </Value>
        ))}
        {aggregators.length > 0 && <span class="how">{t('aggregatorMeaning')}</span>}
      </Row>
    </dl>
  );
}

function Row({ label, empty, children }: { label: string; empty: boolean; children: ComponentChildren }) {
  return (
    <div class={empty ? 'missing' : 'shown'}>
      <dt>{label}</dt>
      <dd>{empty ? t('shopRowNotShown') : children}</dd>
    </div>
  );
}

function Value({ where, warn = false, children }: { where: Where; warn?: boolean; children: ComponentChildren }) {
  return (
    <div class={warn ? 'signal warn' : 'signal'}>
      {children}
      <span class="where">{t('seenIn', whereText(where))}</span>
    </div>
  );
}
