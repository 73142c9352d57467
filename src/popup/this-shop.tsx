import { t } from '../shared/i18n';
import type { ShopProfile } from '../shop/shop-profile';
import { ShopBadgeReason } from './shop-badge-reason';
import { ShopHistoryView, ShopPromisesView, ShopTermsView } from './shop-records-views';
import { ShopSignalRows } from './shop-signal-rows';
import { useShopProfile } from './use-shop-profile';

// The popup's top section when it opens over a shop: what to check before paying (one plain line),
// the badge and the rule that set it, what the shop shows about itself, its terms and refund
// promises, and the shopper's own history here. Each signal says where it was read.

export function ThisShop() {
  const profile = useShopProfile();
  return profile && worthShowing(profile) ? <ThisShopView profile={profile} /> : null;
}

export function ThisShopView({ profile }: { profile: ShopProfile }) {
  const provider = profile.page?.role === 'provider';
  const level = profile.badge.level ?? 'none';
  return (
    <section class="this-shop" aria-labelledby="this-shop-heading">
      <h2 id="this-shop-heading">{t('shopHeading', profile.site)}</h2>
      <p class={`advice ${level}`}>{t(provider ? 'shopProvider' : `advice_${profile.advice}`)}</p>
      <ShopBadgeReason badge={profile.badge} />
      {profile.page && !provider && <ShopSignalRows profile={profile} />}
      {!provider && <ShopTermsView profile={profile} />}
      <ShopPromisesView promises={profile.promises} />
      <ShopHistoryView history={profile.history} />
    </section>
  );
}

/** A page that is no shop, on a site with no history, gets no section at all. */
function worthShowing(profile: ShopProfile): boolean {
  const past = profile.history;
  return profile.page !== null || profile.promises.length > 0 || past.failedPayments + past.openCases.length + past.stalledOrders.length + past.deadlines.length > 0;
}
