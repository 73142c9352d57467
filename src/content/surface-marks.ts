import { builtCatalogue, surfaceEntries, type BuiltCatalogue, type CatalogSurface } from '../detect/surfaces/catalog';
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

/** Whether this browser runs a selector list (a browser without :has() refuses those), asked once per document. */
const runsNewer = new WeakMap<Document, boolean>();

function runs(probe: DocumentFragment, selector: string | undefined): boolean {
  if (!selector) return true;
  try {
    probe.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The catalogue's entries, made when the first element matched one: on most pages none does, and
 * making them was the most a reader allocated before it read anything (catalog.ts builtCatalogue).
 */
let entriesMade: readonly CatalogSurface[] | undefined;
const allEntries = (): readonly CatalogSurface[] => (entriesMade ??= surfaceEntries());

/** Entries whose selectors this browser can run (a browser without :has() skips those, not all). */
function usableEntries(doc: Document): readonly CatalogSurface[] {
  const probe = doc.createDocumentFragment();
  return allEntries().filter((entry) => runs(probe, entry.selector) && runs(probe, entry.has) && runs(probe, entry.not));
}

/** What a tracker asks a page with, from entries already made: their lists are worked out from their selectors. */
function fromEntries(entries: readonly CatalogSurface[]): Pick<BuiltCatalogue, 'selectors'> & Partial<BuiltCatalogue> {
  return {
    selectors: entries.map((entry) => entry.selector),
    subjects: entries.every((entry) => entry.subjects) ? entries.flatMap((entry) => entry.subjects!) : undefined,
  };
}

export function surfaceTracker(doc: Document): SurfaceTracker {
  const built = builtCatalogue();
  // Only newer syntax can be refused (every browser we run in has CSS 3 selectors): those are
  // parsed together first, and tried one by one only in a browser that refuses some.
  let whole = runsNewer.get(doc);
  if (whole === undefined) {
    whole = runs(doc.createDocumentFragment(), built?.parts.newer ?? newerSyntax(allEntries().flatMap((entry) => [entry.selector, entry.has, entry.not])));
    runsNewer.set(doc, whole);
  }
  const usable = whole ? null : usableEntries(doc);
  const entries = usable ? () => usable : allEntries;
  // The builds add each selector's subjects and the catalogue's lists (worked out at build time); the tests' whole files do not.
  const asked = (usable ? null : built) ?? fromEntries(entries());
  const matching = matchingElements(doc, { ...selectorParts(asked.selectors, { parts: asked.parts, subjects: asked.subjects }), max: MAX_SURFACE_ELEMENTS, body: true });
  /** Catalogue entries whose selector an element matches: asked again only when it changes. */
  let candidates = new WeakMap<Element, CatalogSurface[]>();
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
        fitting = entries().filter((candidate) => (!candidate.subjects || candidate.subjects.some(could)) && el.matches(candidate.selector));
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
