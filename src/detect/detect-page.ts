import { safeUrl } from '../shared/safe-url';
import { DEFAULT_DETECT_SETTINGS, type DetectSettings, type PageView } from './detector';
import { DETECTORS } from './detectors';
import { extractFacts } from './facts/extract-facts';
import type { PageSnapshot } from './page-snapshot';
import { noneVerdict, type Verdict } from './verdict';

export function detectPage(snapshot: PageSnapshot, settings: DetectSettings = DEFAULT_DETECT_SETTINGS): Verdict {
  const facts = extractFacts(snapshot);
  const view: PageView = { snapshot, url: safeUrl(snapshot.url), facts, now: Date.parse(snapshot.seenAt), settings };
  for (const detector of DETECTORS) {
    const finding = detector.detect(view);
    if (finding) return { ...facts, ...finding, relatedOrderIds: finding.relatedOrderIds ?? [] };
  }
  return noneVerdict(facts);
}
