import { builtSubjects, type ContextParts, type SelectorSubject } from '../../content/selector-subjects';
import type { SurfaceTone } from '../page-snapshot';

// The message surfaces of every system and UI kit we know, as data (one JSON file per system, see
// schema.json). The content script asks the DOM which of them is showing; the detectors only see
// the mark it leaves on the blocks it read (page-snapshot.ts SurfaceMark). The extension builds
// drop the test-only fields (examples, quiet, source: scripts/strip-surface-examples.mjs), so
// runtime code reads only id, selector, tone, has, not and shows (and what the builds add: the
// selector's subjects, and each file's lists of the selectors a reader asks again after a change
// and of those in newer syntax).

export interface SurfaceEntry {
  id: string;
  selector: string;
  tone: SurfaceTone;
  has?: string;
  not?: string;
  /** A debug page's exception surface: whatever it says, the server that answered failed. */
  shows?: 'server_exception';
  source: string;
  examples: string[];
  /** HTML on which nothing may be raised though the selector looks as if it fits (the surface test checks it). */
  quiet?: string[];
}

/**
 * An entry as the extension builds ship it (scripts/strip-surface-examples.mjs): no test-only
 * fields, and the selector in its parts, each with what its subject must carry, space-separated
 * (worked out at build time: selector-subjects.ts).
 */
type BuiltSurfaceEntry = Omit<SurfaceEntry, 'selector' | 'source' | 'examples' | 'quiet'> & { subjects: Array<[string, string]> };

export interface SurfaceFile {
  system: string;
  title: string;
  rank: 1 | 2 | 3;
  sources: string[];
  surfaces: SurfaceEntry[];
  /** Added by the builds. */
  lists?: SurfaceLists;
}

/**
 * A file's entries (by index) whose selector a reader asks again after a change
 * (selector-subjects.ts), and its selectors in newer syntax (entry index × 3, + 1 for `has`, + 2
 * for `not`): worked out by the builds, so the reader does not go through the catalogue for them.
 */
export interface SurfaceLists {
  ancestor: number[];
  sibling: number[];
  counting: number[];
  newer: number[];
}

/** The catalogue's selectors a reader asks again after a change, and those in newer syntax, each as one list. */
export interface CatalogParts extends ContextParts {
  newer: string;
}

export interface CatalogSurface extends SurfaceEntry {
  system: string;
  rank: number;
  /** `selector`'s subjects, when the build worked them out. */
  subjects?: SelectorSubject[];
}

const FILES = import.meta.glob<SurfaceFile>(['./*.json', '!./schema.json'], { eager: true, import: 'default' });

export const SURFACE_FILES: readonly SurfaceFile[] = Object.values(FILES)
  // Code-point order, not localeCompare: the names are ASCII ids, and the first localeCompare builds an
  // ICU collator, which took longer than the rest of the reader's start on every page it went into.
  .sort(catalogOrder);

/**
 * Every surface, the most specific first: a system's own pages, then UI kits, then generic markup.
 * Pure, so a bundle that does not use it (the reader: surfaceEntries, builtCatalogue) does not make it.
 */
export const SURFACES: readonly CatalogSurface[] = /* @__PURE__ */ surfaceEntries();

/** SURFACES, made afresh: the reader makes them only once an element matched a surface (most pages: never). */
export function surfaceEntries(): CatalogSurface[] {
  return SURFACE_FILES.flatMap((file) =>
    (file.surfaces as Array<SurfaceEntry | BuiltSurfaceEntry>).map((surface) => ({ ...runtimeEntry(surface), system: file.system, rank: file.rank })),
  );
}

/** What a reader asks a page with, before (and mostly instead of) the entries themselves. */
export interface BuiltCatalogue {
  /** Each entry's selector, in catalogue order. */
  selectors: string[];
  subjects: SelectorSubject[];
  parts: CatalogParts;
}

/**
 * The catalogue as the builds ship it (each entry's subjects, each file's lists), read without
 * making its entries: they were about 100 kB of the ~270 kB a reader allocated before it read a
 * page, on pages where no element ever matches one. Undefined for whole files (tests).
 */
export function builtCatalogue(): BuiltCatalogue | undefined {
  if (!SURFACE_FILES.every((file) => file.lists)) return undefined;
  const views: Array<Pick<CatalogSurface, 'selector' | 'has' | 'not'>> = [];
  const subjects: SelectorSubject[] = [];
  for (const file of SURFACE_FILES) {
    for (const surface of file.surfaces as unknown as BuiltSurfaceEntry[]) {
      const own = builtSubjects(surface.subjects)!;
      subjects.push(...own);
      views.push({ selector: joinedSelector(own), has: surface.has, not: surface.not });
    }
  }
  return { selectors: views.map((view) => view.selector), subjects, parts: catalogParts(SURFACE_FILES, views) };
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

/** Made on first use: the reader never asks by id. */
let byId: Map<string, CatalogSurface> | undefined;

export function surfaceById(id: string): CatalogSurface | undefined {
  byId ??= new Map(SURFACES.map((surface) => [surface.id, surface]));
  return byId.get(id);
}

/** Files by rank, then system. */
export function catalogOrder(a: { rank: number; system: string }, b: { rank: number; system: string }): number {
  return a.rank - b.rank || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0);
}
