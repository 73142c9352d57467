import { t } from '../shared/i18n';
import { BADGE_RULES, type ShopBadge } from '../shop/shop-badge';

/** The rule that set the toolbar badge, in words; the others that also hold; and every rule, on request. */
export function ShopBadgeReason({ badge }: { badge: ShopBadge }) {
  const others = badge.hits.slice(1).map((hit) => t(`badgeRule_${hit.rule}`));
  return (
    <div class="badge-reason">
      {badge.level && badge.setBy ? (
        <p class={`badge-line ${badge.level}`}>
          <span class={`swatch ${badge.level}`} aria-hidden="true" />
          {t('badgeSetBy', [t(`badgeLevel_${badge.level}`), t(`badgeRule_${badge.setBy}`)])}
        </p>
      ) : (
        <p class="badge-line none">{t('badgeNone')}</p>
      )}
      {others.length > 0 && <p class="how">{t('badgeAlso', others.join(' · '))}</p>}
      <details class="badge-rules">
        <summary>{t('badgeRulesHeading')}</summary>
        <p class="how">{t('badgeRulesIntro')}</p>
        <ol>
          {BADGE_RULES.map(({ rule, level }) => (
            <li key={rule} class={badge.hits.some((hit) => hit.rule === rule) ? 'holds' : undefined}>
              <span class={`swatch ${level}`} aria-hidden="true" /> {t('labelled', [t(`badgeLevel_${level}`), t(`badgeRule_${rule}`)])}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
