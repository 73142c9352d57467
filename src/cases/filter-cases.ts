import type { Responsibility } from '../evidence/capture-entry';
import type { CaseSummary } from './group-cases';

// Long histories (hundreds of cases) are searched and filtered in the options page; pure so the
// same rule serves the popup and its tests.

export type VerdictFilter = Responsibility | 'none' | 'all';

export interface CaseQuery {
  text: string;
  verdict: VerdictFilter;
}

export function filterCases(cases: readonly CaseSummary[], query: CaseQuery): CaseSummary[] {
  const needle = query.text.trim().toLowerCase();
  return cases.filter((item) => {
    if (query.verdict !== 'all' && (item.responsibility ?? 'none') !== query.verdict) return false;
    if (!needle) return true;
    return [item.site, item.orderId ?? '', item.message, ...item.captures.map((entry) => entry.title)]
      .some((field) => field.toLowerCase().includes(needle));
  });
}
