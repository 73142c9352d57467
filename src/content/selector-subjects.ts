// What each selector of a list asks of the element it matches (its subject): the tag, classes and
// id the subject must carry. A browser asks every element about every selector of a list; knowing
// these needs, the reader asks an element only the selectors it could match (a shop page carries
// the classes of one or two of the hundreds of message surfaces the catalogue knows). Pure text
// work: the extension builds work it out once, at build time, for the surface catalogue and the
// reader's own list, with the parts of each list that look beyond the element
// (scripts/strip-surface-examples.mjs); other lists work it out on first use.

export interface SelectorSubject {
  /** One selector (no top-level comma). */
  selector: string;
  /**
   * Lower-cased (quirks-mode pages match classes in any case): `t:tag`, `c:class`, `i:id`,
   * `a:attribute` (present), `s:text` (some class contains it: `[class*="error" i]`).
   */
  needs: readonly string[];
}

/**
 * Subjects as the builds write them beside a selector list (scripts/strip-surface-examples.mjs):
 * each selector with its needs space-separated. Undefined where the file was not built (tests).
 */
export function builtSubjects(subjects: ReadonlyArray<readonly [string, string]> | undefined): SelectorSubject[] | undefined {
  return subjects?.map(([selector, needs]) => ({ selector, needs: needs ? needs.split(' ') : [] }));
}

/** The subjects of each selector, as a build writes them (builtSubjects reads them back). */
export function subjectsForBuild(selectors: readonly string[]): Array<[string, string]> {
  return selectorSubjects(selectors).map((subject) => [subject.selector, subject.needs.join(' ')]);
}

/**
 * The selectors of a list whose match depends on more than the element: after a change,
 * matching-elements.ts asks them of the change's ancestors, next siblings and its parent's children.
 */
export interface ContextParts {
  /** Selectors with `:has()`. */
  ancestorSelector: string;
  /** Selectors with a sibling combinator. */
  siblingSelector: string;
  /** Selectors that count an element's siblings (`:only-child`, `:first-child`, `:nth-…`). */
  countingSelector: string;
}

export function contextParts(selectors: readonly string[]): ContextParts {
  return {
    ancestorSelector: selectors.filter(asksDescendants).join(','),
    siblingSelector: selectors.filter(asksSiblings).join(','),
    countingSelector: selectors.filter(countsSiblings).join(','),
  };
}

export const asksDescendants = (selector: string): boolean => selector.includes(':has(');
export const asksSiblings = (selector: string): boolean => /[+~](?![^[]*\])/.test(selector);
export const countsSiblings = (selector: string): boolean => /:(only|first|last)-(child|of-type)|:nth-/.test(selector);

/** Syntax an older browser may refuse: `:has()`, `:is()`, `:where()`, `:not()`, `||`, `:nth-child(… of …)`. */
export const isNewerSyntax = (selector: string): boolean => /:(has|is|where|not)\(|\|\||:nth-[a-z-]*\([^)]* of /.test(selector);

/** The selectors written in newer syntax, as one list (a browser that parses it can run them all). */
export function newerSyntax(selectors: ReadonlyArray<string | undefined>): string {
  return selectors.filter((selector): selector is string => !!selector && isNewerSyntax(selector)).join(',');
}

export function selectorSubjects(selectors: readonly string[]): SelectorSubject[] {
  return selectors.flatMap(topLevel(',')).map((selector) => ({ selector, needs: subjectNeeds(selector) }));
}

/**
 * What an element must carry to match `selector`. Only what the subject compound asks outside
 * functional pseudo-classes (`:not(.x)` asks for nothing); an escaped name is left out (asked for
 * nothing rather than misread). Necessary, never sufficient.
 */
export function subjectNeeds(selector: string): string[] {
  return compoundNeeds(rightmostCompound(selector));
}

/** What an element must carry to match one compound (`div.a#b[role]`), outside its functional pseudo-classes. */
function compoundNeeds(compound: string): string[] {
  const { rest, attributes } = splitAttributes(withoutArguments(compound));
  const needs: string[] = [];
  const tag = /^[a-z][\w-]*/i.exec(rest)?.[0];
  if (tag) needs.push(`t:${tag.toLowerCase()}`);
  for (const [, kind, name] of rest.matchAll(/([.#])([\w-]+)(?![\w\\-])/g)) needs.push(`${kind === '.' ? 'c' : 'i'}:${name!.toLowerCase()}`);
  const named = rest.includes('\\') ? needs.filter((need) => need.startsWith('t:')) : needs;
  for (const attribute of attributes) {
    const need = attributeNeed(attribute);
    if (need) named.push(need);
  }
  return named;
}

const ATTRIBUTE = /^\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*[is]?)?\s*$/i;

/** What one `[…]` asks: a class (or a class containing some text), an id, or only that the attribute is there. */
function attributeNeed(inside: string): string | null {
  const match = ATTRIBUTE.exec(inside);
  // Escapes and namespaces (`[xlink|href]`) are not read: nothing is asked.
  if (!match || inside.includes('\\')) return null;
  const name = match[1]!.toLowerCase();
  const operator = match[2];
  const value = (match[3] ?? match[4] ?? match[5] ?? '').toLowerCase();
  // Text with no space in it lies inside one class of the attribute.
  if (operator && value && !/\s/.test(value)) {
    if (name === 'class') return operator === '=' || operator === '~=' ? `c:${value}` : `s:${value}`;
    if (name === 'id' && operator === '=') return `i:${value}`;
  }
  return `a:${name}`;
}

/** A compound's `[…]` parts (quotes respected) apart from the rest of it. */
function splitAttributes(compound: string): { rest: string; attributes: string[] } {
  const attributes: string[] = [];
  let rest = '';
  for (let i = 0; i < compound.length; i++) {
    if (compound[i] !== '[') {
      rest += compound[i];
      continue;
    }
    let quote = '';
    let end = i + 1;
    for (; end < compound.length; end++) {
      const c = compound[end]!;
      if (quote) {
        if (c === quote && compound[end - 1] !== '\\') quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ']') break;
    }
    attributes.push(compound.slice(i + 1, end));
    i = end;
  }
  return { rest, attributes };
}

/**
 * A name the page must carry somewhere under <body> for `selector` to match anything there — on
 * its subject or on an element it steps through on the way (`.fly-none > p` needs `c:fly-none`);
 * the rarest kind it asks for: an id, a class, a custom element's tag, a `data-` attribute. Null
 * when it asks only for names nearly every page carries (`[role="alert"]`, `body > h1`).
 * Only compounds outside functional pseudo-classes count (`:is(.a, .b)` needs neither, `:has(.x)`
 * is not stepped through), and none that is <html> (the reader gathers names from <body> down).
 */
export function selectorKey(selector: string): string | null {
  let key: string | null = null;
  let best = 0;
  for (const compound of compounds(selector)) {
    if (/^html(?![\w-])|:root/i.test(compound)) continue;
    for (const need of compoundNeeds(compound)) {
      const rank = keyRank(need);
      // Of two names of one kind, the longer (`c:alert-danger` before `c:alert`) is the rarer.
      if (rank > best || (rank === best && rank > 0 && need.length > key!.length)) [key, best] = [need, rank];
    }
  }
  return key;
}

function keyRank(need: string): number {
  switch (need[0]) {
    case 'i':
      return 5;
    case 'c':
      return 4;
    case 't':
      return need.includes('-') ? 3 : 0;
    case 'a':
      return need.startsWith('a:data-') ? 2 : 0;
    case 's':
      return 1;
    default:
      return 0;
  }
}

/**
 * The keys of a list of selectors (selectorKey of each top-level part): a page that carries none
 * of them cannot match any; null when some part has no key (the list may match on any page).
 */
export function listKeys(selectors: readonly string[]): string[] | null {
  const keys = new Set<string>();
  for (const selector of selectors.flatMap(topLevel(','))) {
    const key = selectorKey(selector);
    if (!key) return null;
    keys.add(key);
  }
  return [...keys];
}

/** A selector's compounds, split at its combinators (outside brackets, parentheses and quotes). */
function compounds(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const c of selector) {
    if (quote) {
      if (c === quote && !current.endsWith('\\')) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (current) parts.push(current);
  return parts;
}

/** The compound a selector's subject must match: what follows its last combinator. */
export function rightmostCompound(selector: string): string {
  return compounds(selector).at(-1) ?? '';
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
