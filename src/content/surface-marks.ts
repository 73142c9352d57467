import type { SurfaceMark } from '../detect/page-snapshot';
import { SURFACES, type CatalogSurface } from '../detect/surfaces/catalog';

// Which message surface (surfaces/*.json) each block of a page was read from. One querySelectorAll
// finds every surface element on the page (none on most pages, and then nothing else runs); a
// block's mark is its nearest surface ancestor of the most specific rank, resolved to the first
// catalogue entry whose selector — and visible `has` / `not` — fits.

export interface SurfaceMarks {
  /** Surface elements showing now, to read first on a huge page. */
  elements: readonly Element[];
  /** A surface element holds one message: its text is a block of its own, even when it is inline. */
  isSurface(el: Element): boolean;
  markOf(el: Element): SurfaceMark | undefined;
}

const MAX_SURFACE_ELEMENTS = 300;
const MAX_DEPTH = 24;

/** Entries whose selectors this browser can run (a browser without :has() skips those, not all). */
const usable = new WeakMap<Document, { entries: CatalogSurface[]; selector: string }>();

function usableEntries(doc: Document): { entries: CatalogSurface[]; selector: string } {
  let found = usable.get(doc);
  if (!found) {
    const probe = doc.createDocumentFragment();
    const runs = (selector: string | undefined) => {
      if (!selector) return true;
      try {
        probe.querySelector(selector);
        return true;
      } catch {
        return false;
      }
    };
    const entries = SURFACES.filter((entry) => runs(entry.selector) && runs(entry.has) && runs(entry.not));
    found = { entries, selector: entries.map((entry) => entry.selector).join(',') };
    usable.set(doc, found);
  }
  return found;
}

export function surfaceMarks(doc: Document, isVisible: (el: Element) => boolean): SurfaceMarks {
  const { entries, selector } = usableEntries(doc);
  // The body itself can be the surface (易支付's <body id="error-page">), which querySelectorAll below it misses.
  const present =
    doc.body && selector
      ? [...(doc.body.matches(selector) ? [doc.body] : []), ...Array.from(doc.body.querySelectorAll(selector))].slice(0, MAX_SURFACE_ELEMENTS)
      : [];
  if (present.length === 0) return { elements: [], isSurface: () => false, markOf: () => undefined };
  const surfaceSet = new Set(present);
  const entryOf = new Map<Element, CatalogSurface | null>();
  const instance = new Map<Element, number>();
  const markCache = new WeakMap<Element, SurfaceMark | null>();

  const resolve = (el: Element): CatalogSurface | null => {
    if (entryOf.has(el)) return entryOf.get(el)!;
    const entry =
      entries.find(
        (candidate) =>
          el.matches(candidate.selector) &&
          (!candidate.has || someVisible(el, candidate.has, isVisible)) &&
          (!candidate.not || !someVisible(el, candidate.not, isVisible)),
      ) ?? null;
    entryOf.set(el, entry);
    return entry;
  };

  const markOf = (el: Element): SurfaceMark | undefined => {
    const cached = markCache.get(el);
    if (cached !== undefined) return cached ?? undefined;
    let best: { el: Element; entry: CatalogSurface } | null = null;
    let depth = 0;
    for (let current: Element | null = el; current && depth < MAX_DEPTH; current = current.parentElement, depth++) {
      if (!surfaceSet.has(current)) continue;
      const entry = resolve(current);
      if (entry && (!best || entry.rank < best.entry.rank)) best = { el: current, entry };
    }
    let mark: SurfaceMark | null = null;
    if (best) {
      let n = instance.get(best.el);
      if (n === undefined) instance.set(best.el, (n = instance.size + 1));
      mark = { id: best.entry.id, tone: best.entry.tone, n };
    }
    markCache.set(el, mark);
    return mark ?? undefined;
  };

  return { elements: present.filter((el) => resolve(el) !== null), isSurface: (el) => surfaceSet.has(el), markOf };
}

function someVisible(root: Element, selector: string, isVisible: (el: Element) => boolean): boolean {
  for (const found of Array.from(root.querySelectorAll(selector))) if (isVisible(found)) return true;
  return root.matches(selector) && isVisible(root);
}
