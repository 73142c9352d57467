import { builtSubjects, type ContextParts, type SelectorSubject } from '../../content/selector-subjects';
import type { CatalogSurface, SurfaceEntry, SurfaceLists } from './catalog';

// The surface files as the extension builds ship them (scripts/strip-surface-examples.mjs), read
// back: by the worker's catalogue (catalog.ts) and by the reader's (src/content/surface-catalogue.ts),
// which imports none of catalog.ts's data.

/**
 * An entry as the extension builds ship it: no test-only fields, and the selector in its parts,
 * each with what its subject must carry, space-separated (worked out at build time:
 * selector-subjects.ts).
 */
export type BuiltSurfaceEntry = Omit<SurfaceEntry, 'selector' | 'source' | 'examples' | 'quiet'> & { subjects: Array<[string, string]> };

/** The catalogue's selectors a reader asks again after a change, and those in newer syntax, each as one list. */
export interface CatalogParts extends ContextParts {
  newer: string;
}

/** A file's entries, built or whole, as the catalogues hand them out. */
export function fileEntries(file: { system: string; rank: number; surfaces: ReadonlyArray<SurfaceEntry | BuiltSurfaceEntry> }): CatalogSurface[] {
  return file.surfaces.map((surface) => ({ ...runtimeEntry(surface), system: file.system, rank: file.rank }));
}

/** A built entry as the tests' whole entries are (less the test-only fields, which runtime code never reads). */
function runtimeEntry(surface: SurfaceEntry | BuiltSurfaceEntry): Omit<CatalogSurface, 'system' | 'rank'> {
  if (!('subjects' in surface)) return surface;
  const { subjects: built, ...rest } = surface;
  const subjects = builtSubjects(built)!;
  return { ...rest, source: '', examples: [], selector: joinedSelector(subjects), subjects };
}

/** An entry's selector put back together from its parts. */
function joinedSelector(subjects: readonly SelectorSubject[]): string {
  return subjects.map((subject) => subject.selector).join(',');
}

/** The lists of `files` (in catalogue order), naming the selectors of `entries` (theirs, in the same order). */
export function catalogParts(
  files: ReadonlyArray<{ surfaces: readonly unknown[]; lists?: SurfaceLists }>,
  entries: ReadonlyArray<Pick<CatalogSurface, 'selector' | 'has' | 'not'>>,
): CatalogParts {
  const ancestor: string[] = [];
  const sibling: string[] = [];
  const counting: string[] = [];
  const newer: string[] = [];
  let offset = 0;
  for (const { surfaces, lists } of files) {
    if (lists) {
      for (const index of lists.ancestor) ancestor.push(entries[offset + index]!.selector);
      for (const index of lists.sibling) sibling.push(entries[offset + index]!.selector);
      for (const index of lists.counting) counting.push(entries[offset + index]!.selector);
      for (const at of lists.newer) {
        const entry = entries[offset + Math.floor(at / 3)]!;
        const selector = at % 3 === 0 ? entry.selector : at % 3 === 1 ? entry.has : entry.not;
        if (selector) newer.push(selector);
      }
    }
    offset += surfaces.length;
  }
  return { ancestorSelector: ancestor.join(','), siblingSelector: sibling.join(','), countingSelector: counting.join(','), newer: newer.join(',') };
}

/** Files by rank, then system. */
export function catalogOrder(a: { rank: number; system: string }, b: { rank: number; system: string }): number {
  // Code-point order, not localeCompare: the names are ASCII ids, and the first localeCompare builds an
  // ICU collator, which took longer than the rest of the reader's start on every page it went into.
  return a.rank - b.rank || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0);
}
