import type { SelectorSubject } from '../../content/selector-subjects';
import type { SurfaceTone } from '../page-snapshot';
import { catalogOrder, fileEntries } from './built-files';

export { catalogOrder, catalogParts, type CatalogParts } from './built-files';

// The message surfaces of every system and UI kit we know, as data (one JSON file per system, see
// schema.json). The content script asks the DOM which of them is showing; the detectors only see
// the mark it leaves on the blocks it read (page-snapshot.ts SurfaceMark). The extension builds
// drop the test-only fields (examples, quiet, source: scripts/strip-surface-examples.mjs), so
// runtime code reads only id, selector, tone, has, not and shows (and what the builds add: the
// selector's subjects, and each file's lists of the selectors a reader asks again after a change
// and of those in newer syntax). This module is the worker's and the tests' catalogue: the reader
// has its own, which parses a file only once a page shows a name it needs (src/content/surface-catalogue.ts).

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

export interface CatalogSurface extends SurfaceEntry {
  system: string;
  rank: number;
  /** `selector`'s subjects, when the build worked them out. */
  subjects?: SelectorSubject[];
}

const FILES = import.meta.glob<SurfaceFile>(['./*.json', '!./schema.json'], { eager: true, import: 'default' });

export const SURFACE_FILES: readonly SurfaceFile[] = Object.values(FILES).sort(catalogOrder);

/** Every surface, the most specific first: a system's own pages, then UI kits, then generic markup. */
export const SURFACES: readonly CatalogSurface[] = SURFACE_FILES.flatMap(fileEntries);

/** Made on first use. */
let byId: Map<string, CatalogSurface> | undefined;

export function surfaceById(id: string): CatalogSurface | undefined {
  byId ??= new Map(SURFACES.map((surface) => [surface.id, surface]));
  return byId.get(id);
}
