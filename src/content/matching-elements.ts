import { contextParts, selectorSubjects, type ContextParts, type SelectorSubject } from './selector-subjects';

// The elements of a page that match a selector, kept up to date from what changed instead of asking
// the whole document again: a changed subtree is asked for matches inside it, its ancestors for a
// `:has()` that may now hold, its next siblings for a `+` / `~`; elements inside a change are asked
// whether they still match, and elements that left the document are dropped. An element is asked
// only the selectors whose subject it could be (its tag, classes and id: selector-subjects.ts).

export interface MatchingElements {
  /**
   * Every match on the page, asked afresh (a first read, or after a stylesheet changed). `names`:
   * what `namesUnder(body)` returns, when the caller has it already (one walk serves every list).
   */
  findAll(names?: ReadonlySet<string>): void;
  /** A subtree was added, or its attributes changed. */
  noteChanged(root: Element): void;
  /** Children were removed from `el`: it and its ancestors may have stopped (or started) matching a `:has()`. */
  noteRemoval(el: Element): void;
  /** Brings the list up to date; returns the elements that joined or left, and those asked again. */
  settle(): { joinedOrLeft: Element[]; askedAgain: Element[] };
  has(el: Element): boolean;
  /** In document order (as of the last settle). */
  readonly elements: readonly Element[];
}

/** A selector list as matchingElements asks it: whole, its parts that look beyond the element, and its subjects. */
export interface ListParts extends ContextParts {
  selector: string;
  /** Each selector of the list with what its subject must carry (selector-subjects.ts). */
  subjects: () => readonly SelectorSubject[];
}

export interface MatchOptions extends ListParts {
  max: number;
  /** Whether <body> itself may match (易支付's <body id="error-page"> is a message surface). */
  body: boolean;
  /** Changed subtrees from this many elements are asked a narrowed list (NARROW_FROM unless given). */
  narrowFrom?: number;
  /**
   * For a list that grows with the names a page shows (the surface catalogue: surface-catalogue.ts):
   * told the names of the page at a whole read and of every change before it is asked; returns the
   * list anew when it grew. Whatever a grown list matches lies where the change is asked — in it, at
   * it, at its next siblings — because every part it gained needs a name nothing before carried.
   */
  grow?: (names: ReadonlySet<string>) => ListParts | null;
}

const MAX_DEPTH = 24;
/**
 * When the subtrees changed since the last settle hold at least this many elements (a table or a
 * page region rendered again), they are walked once for their names and asked only the selectors
 * those could match: the surface catalogue's 468 selectors over a 750-element table cost ~5 ms, the
 * walk and the narrowed list ~1 ms. Fewer are asked the whole list (the walk would cost more than it saves).
 */
export const NARROW_FROM = 32;
const MAX_SIBLINGS = 8;
/** Kinds of element (tag, classes, id, attribute names) whose own selector list is kept (a page has a few dozen). */
const MAX_KINDS = 2_000;

/**
 * A list whole, the parts of it that look beyond the element, and its selectors' subjects
 * (selector-subjects.ts): worked out here unless the build did (the surface catalogue and the
 * reader's list: scripts/strip-surface-examples.mjs).
 */
export function selectorParts(
  selectors: readonly string[],
  built?: { parts?: ContextParts; subjects?: readonly SelectorSubject[] },
): ListParts {
  const subjects = built?.subjects;
  return {
    selector: selectors.join(','),
    ...(built?.parts ?? contextParts(selectors)),
    subjects: subjects ? () => subjects : once(() => selectorSubjects(selectors)),
  };
}

/** What elements carry, gathered raw (a page has a few dozen distinct tags and class attributes) and named once after. */
interface RawNames {
  tags: Set<string>;
  ids: Set<string>;
  classAttributes: Set<string>;
  attributes: Set<string>;
}

function gather(el: Element, raw: RawNames): void {
  raw.tags.add(el.localName);
  if (!el.hasAttributes()) return;
  const id = el.id;
  if (id) raw.ids.add(id);
  const classes = el.getAttribute('class');
  if (classes) raw.classAttributes.add(classes);
  for (const name of el.getAttributeNames()) raw.attributes.add(name);
}

function rawNames(): RawNames {
  return { tags: new Set(), ids: new Set(), classAttributes: new Set(), attributes: new Set() };
}

/** Raw names as subjectNeeds writes them. */
function named(raw: RawNames): Set<string> {
  const present = new Set<string>();
  for (const tag of raw.tags) present.add(`t:${tag.toLowerCase()}`);
  for (const id of raw.ids) present.add(`i:${id.toLowerCase()}`);
  for (const name of raw.attributes) present.add(`a:${name.toLowerCase()}`);
  for (const classes of raw.classAttributes) for (const name of classes.toLowerCase().split(/\s+/)) if (name) present.add(`c:${name}`);
  return present;
}

/** The names one element carries. */
export function namesOf(el: Element): Set<string> {
  const raw = rawNames();
  gather(el, raw);
  return named(raw);
}

/** Every tag, class, id and attribute name under (and of) the roots. */
export function namesUnder(roots: Element | Iterable<Element>): Set<string> {
  const raw = rawNames();
  for (const root of roots instanceof Element ? [roots] : roots) {
    gather(root, raw);
    // Most roots a change brings are leaves (a feed's new item, a status cell): no collection for those.
    if (!root.firstElementChild) continue;
    const all = root.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) gather(all[i]!, raw);
  }
  return named(raw);
}

/** Whether an element (or elements) carrying these names could be a subject's (`s:` — some class contains the text). */
export function couldBeSubject(present: ReadonlySet<string>): (subject: SelectorSubject) => boolean {
  let classes: string[] | undefined;
  const contained = new Map<string, boolean>();
  const has = (need: string): boolean => {
    if (!need.startsWith('s:')) return present.has(need);
    let found = contained.get(need);
    if (found === undefined) {
      classes ??= [...present].filter((name) => name.startsWith('c:'));
      const text = need.slice(2);
      found = classes.some((name) => name.includes(text, 2));
      contained.set(need, found);
    }
    return found;
  };
  return (subject) => subject.needs.every(has);
}

/** The selectors of the list whose needs the names all meet. */
function askedOf(subjects: readonly SelectorSubject[], present: ReadonlySet<string>): string {
  return subjects
    .filter(couldBeSubject(present))
    .map((subject) => subject.selector)
    .join(',');
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export function matchingElements(doc: Document, options: MatchOptions): MatchingElements {
  const { max, grow } = options;
  let { selector, ancestorSelector, siblingSelector, countingSelector, subjects } = options;
  let present: Element[] = [];
  let set = new Set<Element>();
  let changed = new Set<Element>();
  let changedRoots = new Set<Element>();
  let reask = new Set<Element>();

  const add = (el: Element) => {
    if (set.has(el) || set.size >= max || (!options.body && el === doc.body)) return;
    set.add(el);
    changed.add(el);
  };
  const matches = (el: Element, part: string) => part !== '' && el.matches(part);
  /** Takes the names the page shows (all of it, or a change) to the list, before they are asked. */
  const growFor = (names: ReadonlySet<string>) => {
    const grown = grow?.(names);
    if (!grown) return;
    ({ selector, ancestorSelector, siblingSelector, countingSelector, subjects } = grown);
    byKind = new Map();
  };
  const insideChange = (el: Element) => {
    if (reask.has(el)) return true;
    for (let current: Element | null = el; current; current = current.parentElement) if (changedRoots.has(current)) return true;
    return false;
  };
  /**
   * Ancestors already asked since the last settle, with how far above them that walk still went: a
   * feed that adds a hundred items to one list asks the list and its ancestors once, not per item.
   */
  let askedUp = new Map<Element, number>();
  const noteAncestors = (from: Element | null) => {
    let depth = 0;
    for (let up = from; up && depth < MAX_DEPTH; up = up.parentElement, depth++) {
      const left = MAX_DEPTH - depth;
      if ((askedUp.get(up) ?? -1) >= left) return;
      askedUp.set(up, left);
      if (set.has(up)) reask.add(up);
      else if (matches(up, ancestorSelector)) add(up);
    }
  };

  /** The selectors an element of this kind could match, by its tag, class attribute, id and attribute names. */
  let byKind = new Map<string, string>();
  const selectorFor = (el: Element): string => {
    // Attribute names count (a selector may ask for one); their values other than class and id do not.
    const kind = el.hasAttributes() ? `${el.localName}\u0001${el.getAttribute('class') ?? ''}\u0001${el.id}\u0001${el.getAttributeNames().join(' ')}` : el.localName;
    let asked = byKind.get(kind);
    if (asked === undefined) {
      asked = askedOf(subjects(), namesOf(el));
      if (byKind.size >= MAX_KINDS) byKind = new Map();
      byKind.set(kind, asked);
    }
    return asked;
  };
  /** Next siblings already asked since the last settle (a feed's items are each other's siblings). */
  let askedSiblings = new Set<Element>();
  /** Parents whose children came or went since the last settle: `:only-child` and the like may have turned. */
  let recounted = new Set<Element>();
  const recount = (parent: Element | null) => {
    if (!countingSelector || !parent || recounted.has(parent)) return;
    recounted.add(parent);
    let children = 0;
    for (let child = parent.firstElementChild; child && children < MAX_SIBLINGS; child = child.nextElementSibling, children++) {
      if (set.has(child)) reask.add(child);
      else if (matches(child, countingSelector)) add(child);
    }
  };
  const narrowFrom = options.narrowFrom ?? NARROW_FROM;
  /**
   * The selectors the elements inside changed subtrees are asked (a table re-rendered is 150 rows,
   * one list); a growing list first takes the names of the changes (cheap for small ones).
   */
  const insideSelector = (roots: readonly Element[]): string => {
    // Only subtrees with elements inside are asked (a feed's new items are leaves: none is).
    const parents = roots.filter((root) => root.firstElementChild);
    let inside = 0;
    for (const root of parents) if ((inside += root.getElementsByTagName('*').length) >= narrowFrom) break;
    const names = grow || inside >= narrowFrom ? namesUnder(roots) : undefined;
    if (names) growFor(names);
    return inside < narrowFrom || !names ? selector : askedOf(subjects(), names);
  };
  const askRoot = (root: Element, inside: string) => {
    if (matches(root, selectorFor(root))) add(root);
    if (inside && root.firstElementChild) for (const el of Array.from(root.querySelectorAll(inside))) add(el);
    noteAncestors(root.parentElement);
    recount(root.parentElement);
    if (!siblingSelector) return;
    let siblings = 0;
    for (let next = root.nextElementSibling; next && siblings < MAX_SIBLINGS; next = next.nextElementSibling, siblings++) {
      // A changed sibling is asked every selector it could match, these included.
      if (changedRoots.has(next) || askedSiblings.has(next)) continue;
      askedSiblings.add(next);
      // One that matched already is asked again: which of the list's selectors it fits may have changed.
      if (set.has(next)) reask.add(next);
      else if (matches(next, siblingSelector)) add(next);
    }
  };

  return {
    findAll(names) {
      const before = set;
      set = new Set();
      const body = doc.body;
      const shown = body && (selector || grow) ? (names ?? namesUnder(body)) : undefined;
      if (shown) growFor(shown);
      if (body && shown && selector) {
        const asked = askedOf(subjects(), shown);
        if (options.body && asked && body.matches(asked)) set.add(body);
        for (const el of asked ? Array.from(body.querySelectorAll(asked)) : []) {
          if (set.size >= max) break;
          set.add(el);
        }
      }
      present = [...set];
      for (const el of before) if (!set.has(el)) changed.add(el);
      for (const el of set) if (!before.has(el)) changed.add(el);
      changedRoots = new Set();
      reask = new Set();
      askedUp = new Map();
    },
    noteChanged(root) {
      if (!selector && !grow) return;
      changedRoots.add(root);
    },
    noteRemoval(el) {
      if (!selector || !el.isConnected) return;
      noteAncestors(el);
      recount(el);
    },
    settle() {
      const roots = [...changedRoots].filter((root) => root.isConnected);
      if (roots.length) {
        const inside = insideSelector(roots);
        for (const root of roots) askRoot(root, inside);
      }
      askedSiblings = new Set();
      recounted = new Set();
      const askedAgain: Element[] = [];
      for (const el of set) {
        if (!el.isConnected) {
          set.delete(el);
          changed.add(el);
        } else if ((changedRoots.size || reask.size) && insideChange(el)) {
          askedAgain.push(el);
          if (!el.matches(selector)) {
            set.delete(el);
            changed.add(el);
          }
        }
      }
      changedRoots = new Set();
      reask = new Set();
      askedUp = new Map();
      const joinedOrLeft = [...changed];
      // Asked again: inside a change, which may have moved it elsewhere in the page.
      if (joinedOrLeft.length || askedAgain.length) present = [...set].sort(documentOrder);
      changed = new Set();
      return { joinedOrLeft, askedAgain };
    },
    has: (el) => set.has(el),
    get elements() {
      return present;
    },
  };
}

function documentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
