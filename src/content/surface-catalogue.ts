import { catalogOrder, catalogParts, fileEntries, type BuiltSurfaceEntry } from '../detect/surfaces/built-files';
import type { CatalogSurface, SurfaceFile, SurfaceLists } from '../detect/surfaces/catalog';
import type { ListParts } from './matching-elements';
import { contextParts, newerSyntax, selectorSubjects, type ContextParts, type SelectorSubject } from './selector-subjects';

// The surface catalogue as a reader asks a page with it. A system's file is parsed and asked only
// once the page shows a name that one of its selectors cannot match without (its keys: an id, a
// class, a custom element: selector-subjects.ts selectorKey): most pages show no kit's names, and
// parsing and asking all 41 files was most of what a reader allocated before it read a page. A
// file with a selector that needs no such name (`[role="alert"]`, `body > h1`) is asked on every
// page. Files join in the order the page shows their names; entries stay in catalogue order.

/**
 * A surface file as the extension builds ship it to the reader (its `?raw` import,
 * scripts/strip-surface-examples.mjs): its header, and the rest as text, parsed when the file joins.
 * A build without that plugin (unit tests) gives the whole file's text.
 */
interface ShippedFile {
  system: string;
  rank: number;
  /** Space-separated; null when a selector of the file has none (it may match on any page). */
  keys: string | null;
  text: string;
}

const FILES = import.meta.glob<ShippedFile | string>(['../detect/surfaces/*.json', '!../detect/surfaces/schema.json'], {
  eager: true,
  import: 'default',
  query: '?raw',
});

/** The catalogue's files in catalogue order, each with its keys (a whole file, unbuilt, joins at once). */
const ORDERED = Object.values(FILES)
  .map((shipped) =>
    typeof shipped === 'string' ? { file: JSON.parse(shipped) as SurfaceFile, keys: null } : { file: shipped, keys: shipped.keys?.split(' ') ?? null },
  )
  .sort((a, b) => catalogOrder(a.file, b.file));

/** The files waiting for each key (by index in ORDERED); `s:` keys apart: a class need only contain them. */
const BY_KEY = new Map<string, number[]>();
const CONTAINED: Array<[text: string, file: number]> = [];
ORDERED.forEach(({ keys }, index) => {
  for (const key of keys ?? []) {
    if (key.startsWith('s:')) CONTAINED.push([key.slice(2), index]);
    else BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), index]);
  }
});

/** What a joined file adds to the list a reader asks. */
interface JoinedFile {
  entries: CatalogSurface[];
  subjects: SelectorSubject[];
  parts: ListParts;
}

export interface SurfaceCatalogue {
  /** The entries of the files joined so far, in catalogue order. */
  readonly entries: readonly CatalogSurface[];
  /** Their selectors as matching-elements.ts asks them. */
  readonly list: ListParts;
  /** Takes names the page shows (selector-subjects.ts `c:…`, `i:…`); true when a file joined. */
  see(names: ReadonlySet<string>): boolean;
}

/** A new catalogue for one reader of `doc`: the files without keys joined, the others waiting for theirs. */
export function surfaceCatalogue(doc: Document): SurfaceCatalogue {
  const joined: Array<JoinedFile | undefined> = ORDERED.map(() => undefined);
  let waiting = ORDERED.filter(({ keys }) => keys).length;
  const probe = doc.createDocumentFragment();
  const join = (index: number): boolean => {
    if (joined[index]) return false;
    joined[index] = joinedFile(ORDERED[index]!.file, probe);
    if (ORDERED[index]!.keys) waiting--;
    return true;
  };
  ORDERED.forEach(({ keys }, index) => {
    if (!keys) join(index);
  });
  let entries: CatalogSurface[] = [];
  let list: ListParts = joinedList([]);
  const rebuild = () => {
    const files = joined.filter((file): file is JoinedFile => !!file);
    entries = files.flatMap((file) => file.entries);
    list = joinedList(files);
  };
  rebuild();

  return {
    get entries() {
      return entries;
    },
    get list() {
      return list;
    },
    see(names) {
      if (!waiting) return false;
      let grew = false;
      for (const name of names) {
        for (const index of BY_KEY.get(name) ?? []) grew = join(index) || grew;
        if (name.startsWith('c:')) for (const [text, index] of CONTAINED) if (!joined[index] && name.includes(text, 2)) grew = join(index) || grew;
      }
      if (grew) rebuild();
      return grew;
    },
  };
}

function joinedFile(file: ShippedFile | SurfaceFile, probe: DocumentFragment): JoinedFile {
  const { surfaces, lists } = 'text' in file ? (JSON.parse(file.text) as { surfaces: BuiltSurfaceEntry[]; lists: SurfaceLists }) : file;
  const all = fileEntries({ system: file.system, rank: file.rank, surfaces });
  const built = lists && catalogParts([{ surfaces: all, lists }], all);
  // Only newer syntax can be refused (every browser we run in has CSS 3 selectors): a file's is
  // parsed together first, and its entries tried one by one only in a browser that refuses it.
  const whole = runs(probe, built ? built.newer : newerSyntax(all.flatMap((entry) => [entry.selector, entry.has, entry.not])));
  const entries = whole ? all : all.filter((entry) => runs(probe, entry.selector) && runs(probe, entry.has) && runs(probe, entry.not));
  const selectors = entries.map((entry) => entry.selector);
  const subjects = entries.flatMap((entry) => entry.subjects ?? selectorSubjects([entry.selector]));
  const context = whole && built ? built : contextParts(selectors);
  const { ancestorSelector, siblingSelector, countingSelector } = context;
  return { entries, subjects, parts: { selector: selectors.join(','), ancestorSelector, siblingSelector, countingSelector, subjects: () => subjects } };
}

/** The joined files' lists as one (in catalogue order). */
function joinedList(files: readonly JoinedFile[]): ListParts {
  const joinedBy = (part: 'selector' | keyof ContextParts) => files.map((file) => file.parts[part]).filter(Boolean).join(',');
  const subjects = files.flatMap((file) => file.subjects);
  return {
    selector: joinedBy('selector'),
    ancestorSelector: joinedBy('ancestorSelector'),
    siblingSelector: joinedBy('siblingSelector'),
    countingSelector: joinedBy('countingSelector'),
    subjects: () => subjects,
  };
}

/** Whether this browser runs a selector list (a browser without :has() refuses those). */
function runs(probe: DocumentFragment, selector: string | undefined): boolean {
  if (!selector) return true;
  try {
    probe.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
