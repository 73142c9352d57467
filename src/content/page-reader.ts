import type { BlockHint, PageSnapshot, SurfaceMark, TextBlock } from '../detect/page-snapshot';
import { isoWithOffset } from '../evidence/iso-time';
import { sameBlock } from '../messages/reading-change';
import { isAnimating, isEditable, isReadonlyField, isSkipped, ownHints, ownInfo, type OwnInfo, type Viewport } from './element-info';
import { matchingElements, namesUnder, selectorParts } from './matching-elements';
import SALIENT_FILE from './salient-selectors.json';
import { builtSubjects, type ContextParts } from './selector-subjects';
import { surfaceTracker } from './surface-marks';

// Reads what a shopper can actually see, as text blocks with hints (page-snapshot.ts), and keeps
// what it read: each block element's own reading (its text and inline children, and which blocks
// sit inside it) is kept until the page changes there. The first read walks the page; after that
// a mutation costs only the blocks it touched — their text is walked again, every other block is
// put together from what was kept, in the same order and with the same caps as a first read would:
// a block nothing changed in gives the blocks it put out last time in one step (its run), each
// block that says the same is the same object as before, so comparing two readings is cheap.
// Every loop is capped so a 5 MB page costs no more than a normal one.

export interface ReadLimits {
  maxChars: number;
  maxBlocks: number;
  maxNodes: number;
  maxBlockChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxChars: 200_000,
  maxBlocks: 4_000,
  maxNodes: 60_000,
  maxBlockChars: 2_000,
};

export interface PageReader {
  /** The page as it is now. */
  read(now?: Date): PageSnapshot;
  /** What the page's MutationObserver saw: those places are read again next time. */
  noteMutations(records: readonly MutationRecord[]): void;
  /** Message surfaces that were still animating in are looked at afresh next time. */
  recheckSurfaces(): void;
}

/** What one block element holds in reading order: text, inline elements (with theirs), blocks inside it (the element itself). */
type Item = string | Inline | Element;

class Inline {
  constructor(
    readonly inline: Element,
    readonly items: Item[],
  ) {}
}

interface Kept {
  info?: OwnInfo;
  /** Dropped when the page changes inside the block. */
  fragment?: Fragment;
  /** The blocks a read put out for this block and all inside it; dropped when anything inside changes. */
  run?: Run;
  /** The block as last put out: given again while it says the same, so comparing readings is one `===`. */
  out?: TextBlock;
  hints?: BlockHint[];
  cell?: CellPlace | null;
  /** Where `out` sits in the last reading, when it was put out from this block's own reading alone. */
  at?: number;
}

/**
 * What emitting a block put out, when nothing else was mixed in and no cap was met: its blocks in
 * order and the characters they took. A read after a change puts an unchanged block's run out
 * whole instead of going through every reading inside it again.
 */
interface Run {
  /** A copy: sharing the read's whole order would keep every element of every such read alive. */
  blocks: readonly Element[];
  chars: number;
}

interface CellPlace {
  row: Element;
  cell: Element;
}

interface Fragment {
  items: Item[];
  /** The block's text when nothing from elsewhere was mixed in (the usual case), once put together. */
  text?: string;
}

/**
 * Alerts, toasts and dialogs of any make, read before the rest of the page (salient-selectors.json).
 * The builds add the selectors' subjects and the list's parts (scripts/strip-surface-examples.mjs):
 * working them out took ~2 ms of every page's first read, the first time that code ran in the page's world.
 */
const SALIENT_LIST: { selectors: string[]; subjects?: Array<[string, string]>; parts?: ContextParts } = SALIENT_FILE;
const SALIENT = selectorParts(SALIENT_LIST.selectors, { parts: SALIENT_LIST.parts, subjects: builtSubjects(SALIENT_LIST.subjects) });
const MAX_SALIENT = 200;
const NO_HINTS: BlockHint[] = [];
/** The parts of a block put out from its run: its text is its fragment's, already put together. */
const FROM_RUN: string[] = [];
/** Elements hidden for now by a fade, zoom or slide (element-info.ts `transient`) looked at again per read. */
const MAX_WATCHED = 100;
const MAX_SURFACE_DEPTH = 24;
/** Elements read though they hold nothing: a line break, and fields whose value is read. */
const EMPTY_BUT_READ = new Set(['br', 'input', 'textarea']);
const CELL_TAGS = new Set(['td', 'th']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

export function createPageReader(doc: Document, limits: ReadLimits = DEFAULT_READ_LIMITS): PageReader {
  const surfaces = surfaceTracker(doc);
  const salient = matchingElements(doc, { ...SALIENT, max: MAX_SALIENT, body: false });
  let viewport: Viewport | null = null;
  let hasLayout: boolean | null = null;

  /** What was worked out about each element, in one record: one map lookup per element, not four. */
  let kept = new WeakMap<Element, Kept>();
  const keptOf = (el: Element): Kept => {
    let record = kept.get(el);
    if (!record) kept.set(el, (record = {}));
    return record;
  };
  /** Surface elements among an element's ancestors (nearest first), until the set of surfaces changes or the element moves. */
  let surfaceAncestors = new WeakMap<Element, Element[]>();
  const watched = new Set<Element>();

  let fresh = true;
  /**
   * The last reading, for a read after a change that only edited text where it was (a countdown
   * ticking, a status cell filled in): then every block but the edited ones says what it said, in
   * the same place, and the reading is the last one with those blocks put out again — no pass over
   * the page's other blocks (page-reader's read otherwise goes through all of them: ~1,200 on a
   * 150-row order list).
   */
  let last: { blocks: TextBlock[]; chars: number; truncated: boolean; surfaceRoots: Element[] } | null = null;
  let dirtyBlocks = new Set<Node>();
  let dirtySubtrees = new Set<Element>();
  let removedFrom = new Set<Element>();

  const infoOf = (el: Element): OwnInfo => {
    const record = keptOf(el);
    let info = record.info;
    if (!info) {
      info = record.info = ownInfo(el, viewport);
      if (info.transient && watched.size < MAX_WATCHED) watched.add(el);
    }
    return info;
  };
  const isBlock = (el: Element, info: OwnInfo) => info.block || (info.visible && surfaces.has(el));
  const isVisible = (el: Element): boolean => {
    for (let current: Element | null = el; current; current = current.parentElement) if (!infoOf(current).visible) return false;
    return true;
  };
  const blockOf = (el: Element): Element => {
    for (let current: Element | null = el; current && current !== doc.body; current = current.parentElement) {
      if (isBlock(current, infoOf(current))) return current;
    }
    return doc.body ?? doc.documentElement;
  };

  // ---- walking: a block's own reading ----
  let nodes = 0;
  let truncated = false;

  /** Children of `el` in reading order, blocks inside it left as references; null past the node cap. */
  const walkChildren = (el: Element, tiny: boolean, into: Item[]): boolean => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (++nodes > limits.maxNodes) return false;
      if (child.nodeType === 3) {
        const text = child.nodeValue;
        if (!tiny && text && /\S/.test(text)) into.push(text);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const empty = element.firstChild === null;
      // Nothing inside, nothing to read: no style asked (most icons and spacers).
      if (empty && !EMPTY_BUT_READ.has(element.localName)) continue;
      if (isSkipped(element) || isEditable(element)) continue;
      const info = infoOf(element);
      if (!info.visible) continue;
      if (isBlock(element, info)) into.push(element);
      else if (element.localName === 'br') into.push('\n');
      else {
        const items: Item[] = [];
        const complete = walkChildren(element, info.tiny, items);
        if (items.length) into.push(new Inline(element, items));
        if (!complete) return false;
      }
    }
    return true;
  };

  /** A block's reading, walked once and kept; null when the node cap is spent. */
  const fragmentOf = (block: Element): Fragment | null => {
    const record = keptOf(block);
    let fragment = record.fragment;
    if (fragment) return fragment;
    if (nodes >= limits.maxNodes) {
      truncated = true;
      return null;
    }
    nodes++;
    const items: Item[] = [];
    if (block.tagName === 'BR') {
      // A <br> styled as a block breaks a line of its own: nothing to read.
    } else if (isReadonlyField(block)) items.push((block as HTMLInputElement | HTMLTextAreaElement).value);
    else if (!walkChildren(block, infoOf(block).tiny, items)) {
      // Cut by the node cap: used for this read only, walked again (within the cap) the next time.
      truncated = true;
      return { items };
    }
    fragment = record.fragment = { items };
    return fragment;
  };

  // ---- bringing changes in ----
  const forget = (root: Element) => {
    kept.delete(root);
    // A subtree moved elsewhere has other surfaces above it.
    surfaceAncestors.delete(root);
    // Most changed subtrees are one element (a feed item, a status cell): no walker for those.
    if (!root.firstElementChild) return;
    const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      kept.delete(node as Element);
      surfaceAncestors.delete(node as Element);
    }
  };
  /** Blocks whose kept reading a change dropped since the last read, with that reading. */
  let droppedNow = new Map<Element, Fragment>();
  /** The kept reading that holds `node` (its nearest block's): dropped, so that block is walked again. */
  const dirty = (node: Node) => {
    let dropping = true;
    for (let current: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; current; current = current.parentElement) {
      const record = kept.get(current);
      // Every block above puts out something else now: their runs go, up to the top, whatever this walk finds.
      if (record?.run) record.run = undefined;
      if (!dropping) continue;
      // A block read empty may be missing from its parent's reading (a walk passes over an element
      // with nothing inside: an empty cell), and so may one not read since its reading went: the
      // parent's reading goes too.
      if (record?.fragment) {
        const held = record.fragment.items.length > 0;
        if (!droppedNow.has(current)) droppedNow.set(current, record.fragment);
        record.fragment = undefined;
        if (held) dropping = false;
        continue;
      }
      const info = record?.info;
      // A change inside something hidden or never read changes nothing the shopper sees.
      // A block whose reading was dropped since the last read holds the change: the blocks around it
      // hold it by reference only (a feed's hundred new items drop their list's reading, not its
      // ancestors').
      if ((info && !info.visible) || isSkipped(current) || (info && isBlock(current, info) && droppedNow.has(current))) dropping = false;
    }
  };

  /**
   * Whether a change at `start` lies inside a block whose reading was dropped, or inside something
   * not read — not, for instance, text or an element put straight into the root element, outside
   * any block's reading.
   */
  const coveredFrom = (start: Element | null): boolean => {
    for (let current = start; current; current = current.parentElement) {
      if (droppedNow.has(current)) return true;
      const record = kept.get(current);
      if (record?.fragment) return false;
      if ((record?.info && !record.info.visible) || isSkipped(current)) return true;
    }
    return false;
  };

  const resetAll = () => {
    kept = new WeakMap();
    surfaceAncestors = new WeakMap();
    watched.clear();
    // One walk for the names both lists are narrowed by.
    const names = doc.body ? namesUnder(doc.body) : undefined;
    surfaces.findAll(names);
    salient.findAll(names);
  };

  /** The page's style sheets as of the last read: one added, removed or rewritten may restyle anything. */
  let sheets: StyleSheet[] = [];
  const sheetsChanged = (): boolean => {
    const list = doc.styleSheets;
    let changed = list.length !== sheets.length;
    for (let i = 0; !changed && i < list.length; i++) changed = list[i] !== sheets[i];
    if (changed) sheets = Array.from(list);
    return changed;
  };

  /**
   * Brings what changed since the last read in; what it returns says whether only text was edited
   * (no element came, went, moved or was restyled, no surface or alert joined or left), and which
   * blocks' readings went (with the readings they had).
   */
  const bringChangesIn = (): { textOnly: boolean; dropped: Map<Element, Fragment> } => {
    let textOnly = true;
    if (sheetsChanged() || fresh) {
      resetAll();
      fresh = false;
      textOnly = false;
    } else {
      for (const root of dirtySubtrees) {
        if (!root.isConnected) continue;
        textOnly = false;
        forget(root);
        surfaces.noteChanged(root);
        salient.noteChanged(root);
        dirty(root.parentElement ?? root);
      }
      for (const el of removedFrom) {
        surfaces.noteRemoval(el);
        salient.noteRemoval(el);
      }
      for (const el of watched) {
        if (!el.isConnected) {
          watched.delete(el);
          continue;
        }
        const before = kept.get(el)?.info;
        const now = ownInfo(el, viewport);
        if (!before || before.visible !== now.visible || before.block !== now.block || before.tiny !== now.tiny) {
          textOnly = false;
          forget(el);
          keptOf(el).info = now;
          dirty(el.parentElement ?? el);
        }
        if (!now.transient) watched.delete(el);
      }
      for (const node of dirtyBlocks) {
        if (!node.isConnected) continue;
        dirty(node);
        if (textOnly && !coveredFrom(node.nodeType === 1 ? (node as Element) : node.parentElement)) textOnly = false;
      }
    }
    // A surface joining or leaving makes its element a block of its own or not: its parent block reads again.
    const { joinedOrLeft: moved, askedAgain } = surfaces.settle();
    if (moved.length || askedAgain.length) textOnly = false;
    if (moved.length) {
      surfaceAncestors = new WeakMap();
      for (const el of moved) if (el.isConnected) dirty(el.parentElement ?? el);
    }
    // One asked again may fit another entry now (a sibling it needs came in before it): read again.
    for (const el of askedAgain) if (el.isConnected) dirty(el.parentElement ?? el);
    // An alert that joined or left is read first, or no longer: what the blocks around it put out changes.
    const salientMoved = salient.settle().joinedOrLeft;
    if (salientMoved.length) textOnly = false;
    for (const el of salientMoved) if (el.isConnected) dirty(el.parentElement ?? el);
    const dropped = droppedNow;
    dirtyBlocks = new Set();
    dirtySubtrees = new Set();
    removedFrom = new Set();
    droppedNow = new Map();
    return { textOnly, dropped };
  };

  // ---- putting the page together ----
  const surfaceOf = (el: Element, entries: Map<Element, ReturnType<typeof surfaces.entryOf>>) => {
    let ancestors = surfaceAncestors.get(el);
    if (!ancestors) {
      ancestors = [];
      let depth = 0;
      for (let current: Element | null = el; current && depth < MAX_SURFACE_DEPTH; current = current.parentElement, depth++) {
        if (surfaces.has(current)) ancestors.push(current);
      }
      surfaceAncestors.set(el, ancestors);
    }
    let best: { el: Element; entry: NonNullable<ReturnType<typeof surfaces.entryOf>> } | null = null;
    for (const candidate of ancestors) {
      let entry = entries.get(candidate);
      if (entry === undefined) entries.set(candidate, (entry = surfaces.entryOf(candidate, isVisible)));
      if (entry && (!best || entry.rank < best.entry.rank)) best = { el: candidate, entry };
    }
    return best;
  };

  const hintsOf = (el: Element): BlockHint[] => {
    const record = keptOf(el);
    if (record.hints) return record.hints;
    const parent = el.parentElement;
    const inherited = parent && parent.tagName !== 'BODY' ? hintsOf(parent) : NO_HINTS;
    const own = ownHints(el);
    // Most elements add no hint of their own: they share their parent's list (never changed in place).
    const result = own.length === 0 ? inherited : inherited.length === 0 ? own : [...new Set([...own, ...inherited])];
    record.hints = result;
    return result;
  };

  /**
   * The nearest table cell at or above `el`, and its row. Grid components wrap a cell's text in a div
   * of its own (Element's <td><div class="cell">). Worked out once per element, from its parent's answer.
   */
  const cellOf = (el: Element): CellPlace | null => {
    const unknown: Kept[] = [];
    let place: CellPlace | null | undefined;
    for (let current: Element | null = el; ; current = current.parentElement) {
      if (!current) {
        place = null;
        break;
      }
      const record = keptOf(current);
      if (record.cell !== undefined) {
        place = record.cell;
        break;
      }
      unknown.push(record);
      if (isCell(current)) {
        const row = current.closest('tr, [role="row"]');
        place = row ? { row, cell: current } : null;
        break;
      }
    }
    for (const record of unknown) record.cell = place;
    return place;
  };

  const assemble = (): TextBlock[] => {
    const parts = new Map<Element, string[]>();
    const order: Element[] = [];
    /** Blocks whose text came from somewhere other than one pass over their own reading. */
    const mixed = new Set<Element>();
    const readRoots = new Set<Element>();
    /** The roots read first and every element above them: a block among these holds one. */
    const aboveRoots = new Set<Element>();
    let chars = 0;

    const append = (block: Element, text: string) => {
      if (chars >= limits.maxChars) {
        truncated = true;
        mixed.add(block);
        return;
      }
      let list = parts.get(block);
      if (!list) {
        if (order.length >= limits.maxBlocks) {
          truncated = true;
          return;
        }
        list = [];
        parts.set(block, list);
        order.push(block);
      }
      const piece = text.slice(0, limits.maxChars - chars);
      if (piece.length < text.length) mixed.add(block);
      list.push(piece);
      chars += piece.length;
    };
    const emit = (items: readonly Item[], block: Element) => {
      for (const item of items) {
        if (typeof item === 'string') append(block, item);
        else if (item instanceof Inline) {
          if (readRoots.has(item.inline)) mixed.add(block);
          else emit(item.items, block);
        } else if (readRoots.has(item)) mixed.add(block);
        else emitBlock(item);
      }
    };
    const emitBlock = (block: Element) => {
      const mixedBefore = mixed.size;
      if (parts.has(block)) mixed.add(block);
      const record = keptOf(block);
      // Read before and kept since: nothing inside changed since, so it may be put out, or kept, as a run.
      const readBefore = record.fragment !== undefined;
      // No alert, toast or surface read before the rest of the page sits in it (or is it).
      const clean = readBefore && !aboveRoots.has(block);
      if (clean && record.run && putOutRun(record.run)) return;
      const from = order.length;
      const charsBefore = chars;
      const truncatedBefore = truncated;
      const fragment = fragmentOf(block);
      if (fragment) emit(fragment.items, block);
      // Kept when nothing was mixed in and no cap was met, for blocks that hold blocks (a lone block
      // is put out as fast from its reading): then it is what this block puts out wherever it is met.
      // A first read keeps none: a page read once (a capture, most pages) pays nothing for them.
      if (clean && !truncatedBefore && !truncated && mixed.size === mixedBefore && order.length - from > 1) {
        record.run = { blocks: order.slice(from), chars: chars - charsBefore };
      } else if (record.run) record.run = undefined;
    };
    /** Puts out a kept run whole, if it fits the caps; false to emit the block afresh. */
    const putOutRun = (run: Run): boolean => {
      if (chars + run.chars > limits.maxChars || order.length + run.blocks.length > limits.maxBlocks) return false;
      for (const el of run.blocks) if (parts.has(el) || kept.get(el)?.fragment?.text === undefined) return false;
      for (const el of run.blocks) {
        parts.set(el, FROM_RUN);
        order.push(el);
      }
      chars += run.chars;
      return true;
    };

    // Message surfaces, alerts, toasts and dialogs first: on a huge page the error may sit past every cap.
    const entries = new Map<Element, ReturnType<typeof surfaces.entryOf>>();
    const surfaceRoots = surfaces.elements.filter((el) => {
      let entry = entries.get(el);
      if (entry === undefined) entries.set(el, (entry = surfaces.entryOf(el, isVisible)));
      return entry !== null;
    });
    for (const root of [...surfaceRoots, ...salient.elements]) {
      if (hasReadAncestor(root, readRoots) || !isVisible(root) || isSkipped(root) || isEditable(root)) continue;
      if (isBlock(root, infoOf(root))) emitBlock(root);
      else {
        const target = blockOf(root);
        mixed.add(target);
        const items: Item[] = [];
        if (root.tagName === 'BR') items.push('\n');
        else walkChildren(root, infoOf(root).tiny, items);
        emit(items, target);
      }
      readRoots.add(root);
      for (let current: Element | null = root; current && !aboveRoots.has(current); current = current.parentElement) aboveRoots.add(current);
    }
    const top = doc.body ?? doc.documentElement;
    if (isVisible(top)) emitBlock(top);

    const blocks: TextBlock[] = [];
    // Rows and cells share one count, as the detectors have always been given them.
    const cellIds = new Map<Element, number>();
    const instances = new Map<Element, number>();
    const number = (ids: Map<Element, number>, of: Element) => {
      let id = ids.get(of);
      if (id === undefined) ids.set(of, (id = ids.size + 1));
      return id;
    };
    for (const el of order) {
      const record = keptOf(el);
      const fragment = mixed.has(el) ? undefined : record.fragment;
      let text = fragment?.text;
      if (text === undefined) {
        text = normalise(parts.get(el)!.join('')).slice(0, limits.maxBlockChars);
        if (fragment) fragment.text = text;
      }
      if (!text) continue;
      const hints = hintsOf(el);
      const surface = surfaces.elements.length ? surfaceOf(el, entries) : null;
      const mark: SurfaceMark | undefined = surface ? { id: surface.entry.id, tone: surface.entry.tone, n: number(instances, surface.el) } : undefined;
      const place = cellOf(el);
      const row = place ? number(cellIds, place.row) : undefined;
      const cell = place ? number(cellIds, place.cell) : undefined;
      record.at = fragment ? blocks.length : undefined;
      // Most blocks say what they said last read: the same object again, nothing made.
      const out = record.out;
      if (out && out.text === text && out.hints === hints && out.row === row && out.cell === cell && sameMark(out.surface, mark)) {
        blocks.push(out);
        continue;
      }
      const block: TextBlock = { text, tag: el.tagName.toLowerCase(), hints };
      if (mark) block.surface = mark;
      if (place) {
        block.row = row;
        block.cell = cell;
      }
      blocks.push((record.out = block));
    }
    settling = surfaceRoots.some((el) => isAnimating(el));
    last = { blocks, chars, truncated, surfaceRoots };
    return blocks;
  };
  let settling = false;

  /**
   * The last reading with the edited blocks put out again, when only text was edited inside blocks
   * that hold no block (so no block came, went or moved, and every row, cell and surface keeps its
   * number) and that were put out from their own reading; null to put the page together whole. The
   * caps: a last reading cut by one is not patched, nor one the edits would make meet one.
   */
  const patched = (dropped: ReadonlyMap<Element, Fragment>): TextBlock[] | null => {
    const previous = last;
    if (!previous || previous.truncated) return null;
    let chars = previous.chars;
    const edits: Array<{ record: Kept; fragment: Fragment; text: string; at: number }> = [];
    for (const [el, old] of dropped) {
      const record = keptOf(el);
      const { out, at } = record;
      if (!out || at === undefined || previous.blocks[at] !== out || out.surface || !holdsNoBlock(old.items)) return null;
      const fragment = fragmentOf(el);
      if (!fragment || truncated || !holdsNoBlock(fragment.items)) return null;
      const text = normalise(joinText(fragment.items)).slice(0, limits.maxBlockChars);
      if (!text) return null;
      chars += textLength(fragment.items) - textLength(old.items);
      edits.push({ record, fragment, text, at });
    }
    if (chars > limits.maxChars) return null;
    // A reading of its own: the last one went to the worker, and is the base its changes are made from.
    const blocks = previous.blocks.slice();
    for (const { record, fragment, text, at } of edits) {
      fragment.text = text;
      const out = record.out!;
      if (out.text === text) continue;
      const block: TextBlock = { text, tag: out.tag, hints: out.hints };
      if (out.row !== undefined) {
        block.row = out.row;
        block.cell = out.cell;
      }
      blocks[at] = record.out = block;
    }
    settling = previous.surfaceRoots.some((el) => isAnimating(el));
    last = { ...previous, blocks, chars };
    return blocks;
  };

  return {
    read(now = new Date()) {
      const view = doc.defaultView;
      if (hasLayout === null) hasLayout = !!view && doc.documentElement.getBoundingClientRect().width > 0;
      viewport = view
        ? { view, layout: hasLayout, width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY }
        : null;
      nodes = 0;
      truncated = false;
      const { textOnly, dropped } = bringChangesIn();
      const blocks = (textOnly && patched(dropped)) || assemble();
      const snapshot: PageSnapshot = {
        settling,
        url: doc.location?.href ?? doc.URL,
        title: (doc.title ?? '').slice(0, 500),
        lang: doc.documentElement.lang || '',
        blocks,
        seenAt: isoWithOffset(now),
        truncated,
        viewport: view ? { width: view.innerWidth, height: view.innerHeight, devicePixelRatio: view.devicePixelRatio } : null,
      };
      return snapshot;
    },
    noteMutations(records) {
      if (fresh) return;
      for (const record of records) {
        const target = record.target;
        const type = record.type;
        if (type === 'attributes') {
          dirtySubtrees.add(target as Element);
          continue;
        }
        // Text edited (the text node), or children came or went (their parent).
        dirtyBlocks.add(target);
        if (type !== 'childList' || target.nodeType !== 1) continue;
        // What was removed is not looked at (a record's node lists are the costly part of it): the
        // parent is asked again for :has() and :only-child. A stylesheet added or taken away is
        // found at the next read, as a changed list of sheets (sheetsChanged).
        removedFrom.add(target as Element);
        const added = record.addedNodes;
        for (let i = 0; i < added.length; i++) if (added[i]!.nodeType === 1) dirtySubtrees.add(added[i] as Element);
      }
    },
    recheckSurfaces() {
      for (const el of surfaces.elements) dirtySubtrees.add(el);
    },
  };
}

/** Whether a block's reading holds only text and inline elements, no block. */
function holdsNoBlock(items: readonly Item[]): boolean {
  return items.every((item) => typeof item === 'string' || (item instanceof Inline && holdsNoBlock(item.items)));
}

/** The text of a reading that holds no block, as emitting it would put it together. */
function joinText(items: readonly Item[], into: string[] = []): string {
  for (const item of items) {
    if (typeof item === 'string') into.push(item);
    else if (item instanceof Inline) joinText(item.items, into);
  }
  return into.join('');
}

function textLength(items: readonly Item[]): number {
  let length = 0;
  for (const item of items) length += typeof item === 'string' ? item.length : item instanceof Inline ? textLength(item.items) : 0;
  return length;
}

function isCell(el: Element): boolean {
  return CELL_TAGS.has(el.localName) || CELL_ROLES.has(el.getAttribute('role') ?? '');
}

function sameMark(x: SurfaceMark | undefined, y: SurfaceMark | undefined): boolean {
  return x === y || (!!x && !!y && x.id === y.id && x.tone === y.tone && x.n === y.n);
}

function hasReadAncestor(el: Element, readRoots: ReadonlySet<Element>): boolean {
  for (let current: Element | null = el; current; current = current.parentElement) if (readRoots.has(current)) return true;
  return false;
}

/** Two readings say the same (when they were read aside). */
export function sameReading(x: PageSnapshot, y: PageSnapshot): boolean {
  if (x.url !== y.url || x.title !== y.title || x.lang !== y.lang || x.truncated !== y.truncated || x.settling !== y.settling) return false;
  return sameBlocks(x.blocks, y.blocks);
}

function sameBlocks(a: readonly TextBlock[], b: readonly TextBlock[]): boolean {
  return a.length === b.length && a.every((block, i) => sameBlock(block, b[i]!));
}

/** Whitespace that normalising would change: any but a single space between words. */
const UNNORMAL = /[^\S ]|  |^ | $/;

function normalise(text: string): string {
  // Most blocks' text is one line with single spaces: nothing to split and join again.
  if (!UNNORMAL.test(text)) return text;
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
