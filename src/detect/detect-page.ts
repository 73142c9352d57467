import { safeUrl } from '../shared/safe-url';
import { DEFAULT_DETECT_SETTINGS, type DetectSettings, type PageView } from './detector';
import { DETECTORS } from './detectors';
import { pageOrders, singleOrderFacts } from './facts/page-orders';
import type { PageSnapshot } from './page-snapshot';
import { noneVerdict, type Verdict } from './verdict';

/** A page as every detector sees it: the snapshot plus what is cheap to derive once. */
export function pageView(snapshot: PageSnapshot, settings: DetectSettings = DEFAULT_DETECT_SETTINGS): PageView {
  return { snapshot, url: safeUrl(snapshot.url), facts: singleOrderFacts(snapshot), orders: pageOrders(snapshot), now: Date.parse(snapshot.seenAt), settings };
}

export function detectPage(snapshot: PageSnapshot, settings: DetectSettings = DEFAULT_DETECT_SETTINGS): Verdict {
  const view = pageView(snapshot, settings);
  const facts = view.facts;
  for (const detector of DETECTORS) {
    const found = detector.detect(view);
    if (!found) continue;
    const { facts: about, entry, surface, ...finding } = found;
    const decidedBy = { detector: detector.id, ...(entry ? { entry } : {}), ...(surface ? { surface } : {}) };
    return { ...facts, ...about, ...finding, relatedOrderIds: finding.relatedOrderIds ?? [], decidedBy };
  }
  return noneVerdict(facts);
}
