import type { PageSnapshot } from '../detect/page-snapshot';
import { createPageReader, DEFAULT_READ_LIMITS, type ReadLimits } from './page-reader';

export { DEFAULT_READ_LIMITS, type ReadLimits };

/** The page read once, whole: a capture the shopper asked for, and the detection eval's reader. */
export function readSnapshot(doc: Document, now: Date = new Date(), limits: ReadLimits = DEFAULT_READ_LIMITS): PageSnapshot {
  return createPageReader(doc, limits).read(now);
}
