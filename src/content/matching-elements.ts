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
  max: number;
  /** Whether <body> itself may match (易支付's <body id="error-page"> is a message surface). */
  body: boolean;
}

const MAX_DEPTH = 24;
const MAX_SIBLINGS = 8;

/** The selectors of a list that need their ancestors or siblings asked again after a change. */
export function selectorParts(selectors: readonly string[]): Pick<MatchOptions, 'selector' | 'ancestorSelector' | 'siblingSelector'> {
  return {
    selector: selectors.join(','),
    ancestorSelector: selectors.filter((selector) => selector.includes(':has(')).join(','),
    siblingSelector: selectors.filter((selector) => /[+~](?![^[]*\])/.test(selector)).join(','),
  };
}

export function matchingElements(doc: Document, options: MatchOptions): MatchingElements {
  const { selector, ancestorSelector, siblingSelector, max } = options;
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
  const noteAncestors = (from: Element | null) => {
    let depth = 0;
    for (let up = from; up && depth < MAX_DEPTH; up = up.parentElement, depth++) {
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
        if (options.body && body.matches(selector)) set.add(body);
        for (const el of Array.from(body.querySelectorAll(selector))) {
          if (set.size >= max) break;
          set.add(el);
        }
      }
      present = [...set];
      for (const el of before) if (!set.has(el)) changed.add(el);
      for (const el of set) if (!before.has(el)) changed.add(el);
      changedRoots = new Set();
      reask = new Set();
    },
    noteChanged(root) {
      if (!selector || !root.isConnected) return;
      changedRoots.add(root);
      if (root.matches(selector)) add(root);
      for (const el of Array.from(root.querySelectorAll(selector))) add(el);
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
