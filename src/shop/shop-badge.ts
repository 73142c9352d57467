// The toolbar badge on a shop page is set by stated rules only, and the popup names the rule that
// set it: no colour without a reason the shopper can read. Red is about this shopper's own money
// here; amber is about what the shop shows (or fails to show) before anyone pays. No rule: no
// badge at all — the absence of a warning is not a promise that the shop is safe.

export type BadgeLevel = 'red' | 'amber';

export type BadgeRule = 'open_case' | 'stalled_order' | 'icp_malformed' | 'no_identity' | 'unfair_clause';

/** In the order they outrank each other: the first that holds sets the badge. */
export const BADGE_RULES: ReadonlyArray<{ rule: BadgeRule; level: BadgeLevel }> = [
  { rule: 'open_case', level: 'red' },
  { rule: 'stalled_order', level: 'red' },
  { rule: 'icp_malformed', level: 'amber' },
  { rule: 'no_identity', level: 'amber' },
  { rule: 'unfair_clause', level: 'amber' },
];

export interface BadgeFacts {
  openCases: number;
  stalledOrders: number;
  /** Null when no page of the shop was read (identity unknown, not missing). */
  identityShown: boolean | null;
  malformedIcp: number;
  unfairClauses: number;
}

export interface BadgeHit {
  rule: BadgeRule;
  level: BadgeLevel;
  count: number;
}

export interface ShopBadge {
  level: BadgeLevel | null;
  /** The rule that set the badge, null when none holds. */
  setBy: BadgeRule | null;
  /** Every rule that holds, in precedence order. */
  hits: BadgeHit[];
}

const COUNT: Record<BadgeRule, (facts: BadgeFacts) => number> = {
  open_case: (facts) => facts.openCases,
  stalled_order: (facts) => facts.stalledOrders,
  icp_malformed: (facts) => facts.malformedIcp,
  no_identity: (facts) => (facts.identityShown === false ? 1 : 0),
  unfair_clause: (facts) => facts.unfairClauses,
};

export function shopBadge(facts: BadgeFacts): ShopBadge {
  const hits = BADGE_RULES.map(({ rule, level }) => ({ rule, level, count: COUNT[rule](facts) })).filter((hit) => hit.count > 0);
  return { level: hits[0]?.level ?? null, setBy: hits[0]?.rule ?? null, hits };
}

export const BADGE_COLOURS: Record<BadgeLevel, string> = { red: '#b91c1c', amber: '#b45309' };

/** Red counts this shopper's problems here; amber is "?" — look before you pay. */
export function badgeText(badge: ShopBadge): string {
  if (badge.level === 'red') {
    const count = badge.hits.filter((hit) => hit.level === 'red').reduce((sum, hit) => sum + hit.count, 0);
    return count > 9 ? '9+' : String(count);
  }
  return badge.level === 'amber' ? '?' : '';
}
