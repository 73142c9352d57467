import type { CatalogSurface } from '../detect/surfaces/catalog';
import { couldBeSubject, matchingElements, namesOf, type MatchingElements } from './matching-elements';
import { surfaceCatalogue } from './surface-catalogue';

// Which message surfaces (surfaces/*.json) a page shows. The first read finds them with one
// querySelectorAll (none on most pages, and then nothing else runs); later reads ask again only
// where the page changed (matching-elements.ts). The catalogue's files are asked once the page shows
// a name they need (surface-catalogue.ts). Each element resolves to the first catalogue entry whose
// selector — and visible `has` / `not` — fits.

export interface SurfaceTracker extends MatchingElements {
  /** The catalogue entry a surface element resolves to now (visibility of `has` / `not` included). */
  entryOf(el: Element, isVisible: (el: Element) => boolean): CatalogSurface | null;
}

const MAX_SURFACE_ELEMENTS = 300;

export function surfaceTracker(doc: Document): SurfaceTracker {
  const catalogue = surfaceCatalogue(doc);
  /** Catalogue entries whose selector an element matches: asked again when it changes, or when files joined. */
  let candidates = new WeakMap<Element, CatalogSurface[]>();
  const matching = matchingElements(doc, {
    ...catalogue.list,
    max: MAX_SURFACE_ELEMENTS,
    body: true,
    grow(names) {
      if (!catalogue.see(names)) return null;
      candidates = new WeakMap();
      return catalogue.list;
    },
  });
  return {
    findAll(names) {
      // Asked afresh (a first read, or a style sheet changed): any element may fit another entry now.
      candidates = new WeakMap();
      matching.findAll(names);
    },
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
        fitting = catalogue.entries.filter((candidate) => (!candidate.subjects || candidate.subjects.some(could)) && el.matches(candidate.selector));
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
