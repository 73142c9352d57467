import { builtCatalogParts, SURFACES, type CatalogSurface } from '../detect/surfaces/catalog';
import { couldBeSubject, matchingElements, namesOf, selectorParts, type MatchingElements } from './matching-elements';
import { newerSyntax } from './selector-subjects';

// Which message surfaces (surfaces/*.json) a page shows. The first read finds them with one
// querySelectorAll (none on most pages, and then nothing else runs); later reads ask again only
// where the page changed (matching-elements.ts). Each element resolves to the first catalogue
// entry whose selector — and visible `has` / `not` — fits.

export interface SurfaceTracker extends MatchingElements {
  /** The catalogue entry a surface element resolves to now (visibility of `has` / `not` included). */
  entryOf(el: Element, isVisible: (el: Element) => boolean): CatalogSurface | null;
}

const MAX_SURFACE_ELEMENTS = 300;

/** Entries whose selectors this browser can run (a browser without :has() skips those, not all). */
const usable = new WeakMap<Document, readonly CatalogSurface[]>();

function usableEntries(doc: Document, newer: string): readonly CatalogSurface[] {
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
    // Only newer syntax can be refused (every browser we run in has CSS 3 selectors): those are
    // parsed together first, and tried one by one only in a browser that refuses some.
    found = runs(newer) ? SURFACES : SURFACES.filter((entry) => runs(entry.selector) && runs(entry.has) && runs(entry.not));
    usable.set(doc, found);
  }
  return found;
}

export function surfaceTracker(doc: Document): SurfaceTracker {
  const built = builtCatalogParts();
  const entries = usableEntries(doc, built?.newer ?? newerSyntax(SURFACES.flatMap((entry) => [entry.selector, entry.has, entry.not])));
  // The builds add each selector's subjects and the catalogue's lists (worked out at build time); the tests' whole files do not.
  const subjects = entries.every((entry) => entry.subjects) ? entries.flatMap((entry) => entry.subjects!) : undefined;
  const parts = entries === SURFACES ? built : undefined;
  const matching = matchingElements(doc, { ...selectorParts(entries.map((entry) => entry.selector), { parts, subjects }), max: MAX_SURFACE_ELEMENTS, body: true });
  /** Catalogue entries whose selector an element matches: asked again only when it changes. */
  const candidates = new WeakMap<Element, CatalogSurface[]>();
  return {
    findAll: (names) => matching.findAll(names),
    noteChanged: (root) => matching.noteChanged(root),
    noteRemoval: (el) => matching.noteRemoval(el),
    settle() {
      const result = matching.settle();
      for (const el of result.askedAgain) candidates.delete(el);
      return result;
    },
    has: (el) => matching.has(el),
    get elements() {
      return matching.elements;
    },
    entryOf(el, isVisible) {
      if (!matching.has(el)) return null;
      let fitting = candidates.get(el);
      if (!fitting) {
        // Asked only the entries one of whose parts it could be the subject of (by its tag, classes,
        // id and attribute names), not all 250: each selector a page has not met yet is parsed first.
        const could = couldBeSubject(namesOf(el));
        fitting = entries.filter((candidate) => (!candidate.subjects || candidate.subjects.some(could)) && el.matches(candidate.selector));
        candidates.set(el, fitting);
      }
      return (
        fitting.find(
          (candidate) =>
            (!candidate.has || someVisible(el, candidate.has, isVisible)) && (!candidate.not || !someVisible(el, candidate.not, isVisible)),
        ) ?? null
      );
    },
  };
}

function someVisible(root: Element, selector: string, isVisible: (el: Element) => boolean): boolean {
  for (const found of Array.from(root.querySelectorAll(selector))) if (isVisible(found)) return true;
  return root.matches(selector) && isVisible(root);
}
