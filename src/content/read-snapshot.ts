import type { BlockHint, PageSnapshot, TextBlock } from '../detect/page-snapshot';
import { isoWithOffset } from '../evidence/iso-time';
import { isSecretField } from './secret-fields';
import { surfaceMarks, type SurfaceMarks } from './surface-marks';

// Reads what a shopper can actually see: text hidden by CSS, attributes or off-screen positioning
// is skipped (shops ship hidden error templates), and nothing typed into editable fields is read.
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

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT']);

const HINT_BY_CLASS: ReadonlyArray<[RegExp, BlockHint]> = [
  [/(^|[-_\s])(toast|toastr|layui-layer-msg|el-message|ant-message|notyf|snackbar)/i, 'toast'],
  [/(^|[-_\s])(alert|error|err-msg|errmsg|swal2-html-container|swal2-title|el-alert|ant-alert|invalid-feedback)/i, 'alert'],
  [/(^|[-_\s])(modal|dialog|layui-layer|swal2-popup|el-dialog|ant-modal|sweet-alert)/i, 'dialog'],
  [/(^|[-_\s])(notice|announce|announcement|gonggao|bulletin|marquee)/i, 'notice'],
  [/(^|[-_\s])(article|post-content|entry-content|blog|faq|help-content|markdown-body)/i, 'article'],
  // The places people talk about errors: forum posts and replies (Discuz t_f / postmessage, phpBB
  // postbody), comments, Q&A threads — whole lower-case words only ("ConfirmPayment-PostSubmit" is no post).
  [/(^|[-_\s])(post|postbody|postmessage|t_f|thread|reply|replies|comment|comments|topic|bbs|forum|question|answer)($|[-_\s\d])/, 'article'],
];

interface ElementInfo {
  visible: boolean;
  block: boolean;
  /** Its own text is drawn at no size (font-size 0: a whitespace trick or a hiding place). */
  tiny?: boolean;
}

export function readSnapshot(
  doc: Document,
  now: Date = new Date(),
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): PageSnapshot {
  const view = doc.defaultView;
  const hasLayout = !!view && doc.documentElement.getBoundingClientRect().width > 0;
  const infoCache = new WeakMap<Element, ElementInfo>();
  const hintCache = new WeakMap<Element, BlockHint[]>();
  const cellIds = new Map<Element, number>();
  const blocks: TextBlock[] = [];
  const pending = new Map<Element, string[]>();
  const order: Element[] = [];
  let chars = 0;
  let nodes = 0;
  let truncated = false;

  // Assigned right below: the surface lookup asks `info` whether an icon is visible, `info` asks it
  // whether an element is a surface (its own block).
  let marks: SurfaceMarks | null = null;
  const info = (el: Element): ElementInfo => {
    const cached = infoCache.get(el);
    if (cached) return cached;
    const parent = el.parentElement;
    const parentInfo = parent ? info(parent) : { visible: true, block: true };
    const result = parentInfo.visible ? ownInfo(el, view, hasLayout) : { visible: false, block: false };
    if (result.visible && marks?.isSurface(el)) result.block = true;
    infoCache.set(el, result);
    return result;
  };
  marks = surfaceMarks(doc, (el) => info(el).visible);

  const blockOf = (el: Element): Element => {
    let current: Element | null = el;
    while (current && current !== doc.body) {
      if (info(current).block) return current;
      current = current.parentElement;
    }
    return doc.body;
  };

  const append = (el: Element, text: string) => {
    if (chars >= limits.maxChars) {
      truncated = true;
      return;
    }
    const block = blockOf(el);
    let parts = pending.get(block);
    if (!parts) {
      if (order.length >= limits.maxBlocks) {
        truncated = true;
        return;
      }
      parts = [];
      pending.set(block, parts);
      order.push(block);
    }
    const piece = text.slice(0, limits.maxChars - chars);
    parts.push(piece);
    chars += piece.length;
  };

  const readRoots = new Set<Element>();
  const walk = (root: Element, nodeBudget: number) => {
    const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
    let walked = 0;
    for (let node: Node | null = walker.currentNode; node; ) {
      if (++walked > nodeBudget || ++nodes > limits.maxNodes) {
        truncated = true;
        return;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (
          (el !== root && readRoots.has(el)) ||
          SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
          !info(el).visible ||
          isEditable(el)
        ) {
          node = el === root ? null : skipSubtree(walker);
          continue;
        }
        if (el.tagName === 'BR') append(el, '\n');
        else if (isReadonlyField(el)) {
          append(el, (el as HTMLInputElement | HTMLTextAreaElement).value);
          node = el === root ? null : skipSubtree(walker);
          continue;
        }
      } else if (node.nodeType === 3 && node.parentElement && node.nodeValue?.trim() && !info(node.parentElement).tiny) {
        append(node.parentElement, node.nodeValue);
      }
      node = walker.nextNode();
    }
  };

  // Message surfaces, alerts, toasts and dialogs first: on a huge page the error may sit past every cap.
  for (const el of [...marks.elements, ...salientElements(doc)]) {
    if (hasReadAncestor(el, readRoots) || !info(el).visible) continue;
    walk(el, limits.maxNodes / 10);
    readRoots.add(el);
  }
  walk(doc.body ?? doc.documentElement, limits.maxNodes);

  for (const el of order) {
    const text = normalise(pending.get(el)!.join('')).slice(0, limits.maxBlockChars);
    if (!text) continue;
    const block: TextBlock = { text, tag: el.tagName.toLowerCase(), hints: hintsOf(el, hintCache) };
    const surface = marks.markOf(el);
    if (surface) block.surface = surface;
    const place = cellOf(el, cellIds);
    if (place) {
      block.row = place.row;
      block.cell = place.cell;
    }
    blocks.push(block);
  }

  return {
    settling: marks.elements.some((el) => isAnimating(el)),
    url: doc.location?.href ?? doc.URL,
    title: (doc.title ?? '').slice(0, 500),
    lang: doc.documentElement.lang || '',
    blocks,
    seenAt: isoWithOffset(now),
    truncated,
    viewport: view
      ? { width: view.innerWidth, height: view.innerHeight, devicePixelRatio: view.devicePixelRatio }
      : null,
  };
}

const SALIENT_SELECTOR = [
  '[role="alert"]', '[role="alertdialog"]', '[role="dialog"]', '[role="status"]', 'dialog[open]',
  '[class*="alert"]', '[class*="error"]', '[class*="err-msg"]', '[class*="toast"]', '[class*="layui-layer"]',
  '[class*="swal2-popup"]', '[class*="el-message"]', '[class*="ant-message"]', '[class*="modal"]', '#error-page',
].join(',');
const MAX_SALIENT = 200;

function salientElements(doc: Document): Element[] {
  const found = doc.body ? Array.from(doc.body.querySelectorAll(SALIENT_SELECTOR)) : [];
  return found.slice(0, MAX_SALIENT);
}

/**
 * Which table cell and row a block belongs to (<td>/<th> in a <tr>, or the cell and row roles of
 * grid components), numbered in reading order: a row with a cell more or fewer than its header is
 * still one row, and a cell holding several blocks is still one cell.
 */
function cellOf(el: Element, ids: Map<Element, number>): { row: number; cell: number } | undefined {
  // Grid components wrap a cell's text in a div of its own (Element's <td><div class="cell">).
  const cell = el.closest('td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]');
  const row = cell?.closest('tr, [role="row"]');
  if (!cell || !row) return undefined;
  const number = (of: Element) => {
    let id = ids.get(of);
    if (id === undefined) ids.set(of, (id = ids.size + 1));
    return id;
  };
  return { row: number(row), cell: number(cell) };
}

/** A message surface still fading, sliding or zooming in: read the page again once it has arrived. */
function isAnimating(el: Element): boolean {
  const animations = typeof el.getAnimations === 'function' ? el.getAnimations({ subtree: true }) : [];
  // A spinner turns for ever; only an entrance that ends is worth waiting for.
  return animations.some((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
}

function hasReadAncestor(el: Element, readRoots: ReadonlySet<Element>): boolean {
  for (let current: Element | null = el; current; current = current.parentElement) if (readRoots.has(current)) return true;
  return false;
}

function ownInfo(el: Element, view: Window | null, hasLayout: boolean): ElementInfo {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return { visible: false, block: false };
  if (!view) return { visible: true, block: true };
  const style = view.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') {
    return { visible: false, block: false };
  }
  // A toast fading or zooming in is not on screen yet: the shopper cannot read it, so neither do we.
  if (Number(style.opacity) < MIN_OPACITY || isScaledAway(style.transform) || isClippedAway(style.clipPath)) return { visible: false, block: false };
  const block =
    (!style.display.startsWith('inline') && style.display !== 'contents') || el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
  if (hasLayout && style.display !== 'contents' && !isOnScreen(el, style, view)) return { visible: false, block };
  return parseFloat(style.fontSize) < 1 ? { visible: true, block, tiny: true } : { visible: true, block };
}

const MIN_OPACITY = 0.1;

/** transform: scale(0) and its matrix forms (a and d near zero). */
function isScaledAway(transform: string): boolean {
  const matrix = /^matrix\(([^,]+),\s*([^,]+),\s*([^,]+),\s*([^,]+),/.exec(transform);
  return !!matrix && Math.abs(Number(matrix[1])) < 0.05 && Math.abs(Number(matrix[4])) < 0.05;
}

function isClippedAway(clipPath: string): boolean {
  return /^inset\((?:50|100)%/.test(clipPath) || /^circle\(0(?:px|%)?\s/.test(clipPath);
}

/**
 * Boxes clipped to nothing and boxes pushed off the left/top edge are hiding places, not content;
 * a fixed box outside the viewport (a toast still sliding in from the right) is not on screen yet.
 */
function isOnScreen(el: Element, style: CSSStyleDeclaration, view: Window): boolean {
  const rect = el.getBoundingClientRect();
  const clipped = style.overflow !== 'visible' || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clip);
  if (clipped && (rect.width <= 1 || rect.height <= 1)) return false;
  if (style.position === 'fixed' && (rect.left >= view.innerWidth || rect.top >= view.innerHeight || rect.right <= 0 || rect.bottom <= 0)) return false;
  // A box of no width or height at the page's edge is a wrapper whose children are positioned on
  // their own (Whoops puts its two fixed panels in one): it pushes nothing off the page.
  const left = rect.left + view.scrollX;
  const top = rect.top + view.scrollY;
  return (left + rect.width > 0 || (rect.width === 0 && left >= 0)) && (top + rect.height > 0 || (rect.height === 0 && top >= 0));
}

function isEditable(el: Element): boolean {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return !isReadonlyField(el);
  return (el as HTMLElement).isContentEditable === true && el.getAttribute('contenteditable') !== null;
}

function isReadonlyField(el: Element): boolean {
  if (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA') return false;
  const field = el as HTMLInputElement | HTMLTextAreaElement;
  // dujiaoka's unicorn and hyper themes print an order's card info into an editable <textarea>:
  // text the server wrote and nobody changed is page content, not something the shopper typed.
  const untouchedTextarea = el.tagName === 'TEXTAREA' && field.value !== '' && field.value === (field as HTMLTextAreaElement).defaultValue;
  if (!field.readOnly && !field.disabled && !untouchedTextarea) return false;
  if (el.tagName === 'INPUT') {
    const type = (field as HTMLInputElement).type;
    if (!['text', 'search', 'url', 'email', 'tel', 'number', ''].includes(type)) return false;
  }
  // Read-only or not, a password / card / CVV / one-time-code field's value is never read.
  return !isSecretField(field);
}

function skipSubtree(walker: TreeWalker): Node | null {
  const start = walker.currentNode;
  let next: Node | null = walker.nextSibling();
  while (!next) {
    const parent = walker.parentNode();
    if (!parent) {
      walker.currentNode = start;
      return null;
    }
    next = walker.nextSibling();
  }
  return next;
}

function hintsOf(el: Element, cache: WeakMap<Element, BlockHint[]>): BlockHint[] {
  const cached = cache.get(el);
  if (cached) return cached;
  const own = ownHints(el);
  const parent = el.parentElement;
  const inherited = parent && parent.tagName !== 'BODY' ? hintsOf(parent, cache) : [];
  const hints = [...new Set([...own, ...inherited])];
  cache.set(el, hints);
  return hints;
}

function ownHints(el: Element): BlockHint[] {
  const hints: BlockHint[] = [];
  const tag = el.tagName;
  const role = el.getAttribute('role') ?? '';
  if (/^H[1-6]$/.test(tag)) hints.push('heading');
  // <q> marks a quotation; <blockquote> does not here (layui styles notes as blockquote.layui-elem-quote).
  if (tag === 'ARTICLE' || tag === 'Q') hints.push('article');
  if (tag === 'NAV' || role === 'navigation') hints.push('nav');
  if (tag === 'FOOTER' || role === 'contentinfo') hints.push('footer');
  if (tag === 'FORM') hints.push('form');
  if (tag === 'TD' || tag === 'TH' || role === 'cell' || role === 'gridcell' || role === 'columnheader') hints.push('table');
  if (tag === 'TH' || role === 'columnheader') hints.push('colheader');
  if (tag === 'DIALOG' || role === 'dialog' || role === 'alertdialog') hints.push('dialog');
  if (role === 'alert' || role === 'status') hints.push('alert');
  if (isReadonlyField(el)) hints.push('readonly');
  const classes = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
  if (classes.trim()) for (const [pattern, hint] of HINT_BY_CLASS) if (pattern.test(classes)) hints.push(hint);
  // A toast's own parts are often named "notice" (ant-message-notice, el-notification): a toast it is.
  if (hints.includes('toast')) return hints.filter((hint) => hint !== 'notice');
  return hints;
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
