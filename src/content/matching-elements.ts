// The elements of a page that match a selector, kept up to date from what changed instead of asking
// the whole document again: a changed subtree is asked for matches inside it, its ancestors for a
// `:has()` that may now hold, its next siblings for a `+` / `~`; elements inside a change are asked
// whether they still match, and elements that left the document are dropped.

export interface MatchingElements {
  /** Every match on the page, asked afresh (a first read, or after a stylesheet changed). */
  findAll(): void;
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

export interface MatchOptions {
  selector: string;
  /** The part of `selector` that looks below the element (`:has()`). */
  ancestorSelector: string;
  /** The part of `selector` with a sibling combinator. */
  siblingSelector: string;
  /**
   * The part of `selector` an element with no attributes at all can match (no class, id or
   * attribute asked of the subject): an item a feed adds with no attribute is asked only this.
   * Worked out on first use (most pages never change after their first read).
   */
  bareSelector: () => string;
  /**
   * Each selector of the list with what its subject must carry to match at all (its tag, classes
   * and id, lower-cased: quirks-mode pages match classes in any case). A first read asks only the
   * selectors whose needs the page has somewhere: a shop page holds one or two of the hundreds
   * of message surfaces the catalogue knows, and a browser asks every element about every selector.
   */
  subjects: () => ReadonlyArray<{ selector: string; needs: readonly string[] }>;
  max: number;
  /** Whether <body> itself may match (易支付's <body id="error-page"> is a message surface). */
  body: boolean;
}

const MAX_DEPTH = 24;
const MAX_SIBLINGS = 8;

/** The selectors of a list that need their ancestors or siblings asked again after a change. */
export function selectorParts(
  selectors: readonly string[],
): Pick<MatchOptions, 'selector' | 'ancestorSelector' | 'siblingSelector' | 'bareSelector' | 'subjects'> {
  const single = once(() => selectors.flatMap(topLevel(',')));
  return {
    selector: selectors.join(','),
    ancestorSelector: selectors.filter((selector) => selector.includes(':has(')).join(','),
    siblingSelector: selectors.filter((selector) => /[+~](?![^[]*\])/.test(selector)).join(','),
    bareSelector: once(() => single().filter((selector) => !/[.#[]/.test(withoutArguments(rightmostCompound(selector)))).join(',')),
    subjects: once(() => single().map((selector) => ({ selector, needs: subjectNeeds(selector) }))),
  };
}

/**
 * What an element must carry to match `selector`: `t:tag`, `c:class`, `i:id`, lower-cased. Only
 * what the subject compound asks outside brackets and functional pseudo-classes (`:not(.x)` asks
 * for nothing); an escaped name is left out (asked for nothing rather than misread).
 */
export function subjectNeeds(selector: string): string[] {
  const compound = withoutArguments(rightmostCompound(selector)).replace(/\[[^\]]*\]/g, '');
  const needs: string[] = [];
  const tag = /^[a-z][\w-]*/i.exec(compound)?.[0];
  if (tag) needs.push(`t:${tag.toLowerCase()}`);
  for (const [, kind, name] of compound.matchAll(/([.#])([\w-]+)(?![\w\\-])/g)) needs.push(`${kind === '.' ? 'c' : 'i'}:${name!.toLowerCase()}`);
  return compound.includes('\\') ? needs.filter((need) => need.startsWith('t:')) : needs;
}

/** Every tag, class and id under (and of) `root`, as subjectNeeds names them. */
function carried(root: Element): Set<string> {
  const present = new Set<string>();
  const note = (el: Element) => {
    present.add(`t:${el.localName.toLowerCase()}`);
    if (el.id) present.add(`i:${el.id.toLowerCase()}`);
    const classes = el.getAttribute('class');
    if (classes) for (const name of classes.toLowerCase().split(/\s+/)) if (name) present.add(`c:${name}`);
  };
  note(root);
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) note(all[i]!);
  return present;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Splits at `separator` where it stands outside brackets, parentheses and quotes. */
function topLevel(separator: string): (selector: string) => string[] {
  return (selector) => {
    const parts: string[] = [];
    let depth = 0;
    let quote = '';
    let start = 0;
    for (let i = 0; i < selector.length; i++) {
      const c = selector[i]!;
      if (quote) {
        if (c === quote && selector[i - 1] !== '\\') quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && c === separator) {
        parts.push(selector.slice(start, i).trim());
        start = i + 1;
      }
    }
    parts.push(selector.slice(start).trim());
    return parts.filter(Boolean);
  };
}

/** The compound a selector's subject must match: what follows its last combinator. */
export function rightmostCompound(selector: string): string {
  let depth = 0;
  for (let i = selector.length - 1; i >= 0; i--) {
    const c = selector[i]!;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) return selector.slice(i + 1).trim();
  }
  return selector.trim();
}

/** A compound with the arguments of its functional pseudo-classes left out (`:not(.x)` asks for no class). */
function withoutArguments(compound: string): string {
  let out = '';
  let depth = 0;
  for (const c of compound) {
    if (c === '(') depth++;
    if (depth === 0) out += c;
    if (c === ')') depth--;
  }
  return out;
}

export function matchingElements(doc: Document, options: MatchOptions): MatchingElements {
  const { selector, ancestorSelector, siblingSelector, bareSelector, max } = options;
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

  return {
    findAll() {
      const before = set;
      set = new Set();
      const body = doc.body;
      if (body && selector) {
        const present = carried(body);
        const asked = options
          .subjects()
          .filter((subject) => subject.needs.every((need) => present.has(need)))
          .map((subject) => subject.selector)
          .join(',');
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
      if (!selector || !root.isConnected) return;
      changedRoots.add(root);
      if (matches(root, root.attributes.length ? selector : bareSelector())) add(root);
      if (root.firstElementChild) for (const el of Array.from(root.querySelectorAll(selector))) add(el);
      noteAncestors(root.parentElement);
      let siblings = 0;
      for (let next = root.nextElementSibling; next && siblings < MAX_SIBLINGS; next = next.nextElementSibling, siblings++) {
        if (matches(next, siblingSelector)) add(next);
      }
    },
    noteRemoval(el) {
      if (selector && el.isConnected) noteAncestors(el);
    },
    settle() {
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
      if (joinedOrLeft.length) present = [...set].sort(documentOrder);
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
