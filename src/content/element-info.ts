import type { BlockHint } from '../detect/page-snapshot';
import { isSecretField } from './secret-fields';

// What one element contributes to a reading, judged from the element alone: whether a shopper can
// see it (text hidden by CSS, attributes or off-screen positioning is skipped: shops ship hidden
// error templates), whether it starts a block of its own, and the hints its tag, role and classes
// give. Computed styles are the cost of a read, so each property is read once and the box is
// measured only where the style says it could be a hiding place.

export interface OwnInfo {
  visible: boolean;
  block: boolean;
  /** Its own text is drawn at no size (font-size 0: a whitespace trick or a hiding place). */
  tiny: boolean;
  /**
   * Hidden for now by something that changes without touching the DOM (a fade or zoom still
   * running, a toast still sliding in from outside the viewport): looked at again on every read.
   */
  transient: boolean;
}

/** The viewport as one read sees it: read once per read, not once per element. */
export interface Viewport {
  view: Window;
  /** False for a document that is not rendered: styles still count, boxes are not measured. */
  layout: boolean;
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

const HIDDEN: OwnInfo = { visible: false, block: false, tiny: false, transient: false };
const FADED: OwnInfo = { visible: false, block: false, tiny: false, transient: true };
const NO_STYLE: OwnInfo = { visible: true, block: true, tiny: false, transient: false };
// Every element's answer is one of these (shared, never changed in place: a read allocates none).
const SHOWN_BLOCK = NO_STYLE;
const SHOWN_INLINE: OwnInfo = { visible: true, block: false, tiny: false, transient: false };
const SHOWN_BLOCK_TINY: OwnInfo = { visible: true, block: true, tiny: true, transient: false };
const SHOWN_INLINE_TINY: OwnInfo = { visible: true, block: false, tiny: true, transient: false };
const OFF_SCREEN_BLOCK: OwnInfo = { visible: false, block: true, tiny: false, transient: true };
const OFF_SCREEN_INLINE: OwnInfo = { visible: false, block: false, tiny: false, transient: true };
const MIN_OPACITY = 0.1;

const SKIPPED_NAMES = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'select']);

/** Elements whose content is not page text (scripts, styles, drawings, frames, a select's options). */
export function isSkipped(el: Element): boolean {
  return SKIPPED_NAMES.has(el.localName);
}

/** `viewport` null: no window to ask for styles (a detached document); everything counts as shown. */
export function ownInfo(el: Element, viewport: Viewport | null): OwnInfo {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return HIDDEN;
  if (!viewport) return NO_STYLE;
  const style = viewport.view.getComputedStyle(el);
  const display = style.display;
  if (display === 'none') return HIDDEN;
  const visibility = style.visibility;
  if (visibility === 'hidden' || visibility === 'collapse') return HIDDEN;
  const tag = el.tagName;
  const field = tag === 'TEXTAREA' || tag === 'INPUT';
  // A transform or overflow does nothing to an inline box (a span's text shows whole under
  // scale(0), though its computed transform says otherwise): not asked there (most of a page's spans and links).
  const boxed = display !== 'inline' || field;
  // A toast fading or zooming in is not on screen yet: the shopper cannot read it, so neither do we.
  // (Most elements are fully opaque, untransformed and unclipped: those values are not parsed.)
  const transform = boxed ? style.transform : 'none';
  const opacity = style.opacity;
  if ((opacity !== '1' && Number(opacity) < MIN_OPACITY) || (transform !== 'none' && isScaledAway(transform))) return FADED;
  const clipPath = style.clipPath;
  if (clipPath !== 'none' && isClippedAway(clipPath)) return FADED;
  const block = (!display.startsWith('inline') && display !== 'contents') || field;
  if (viewport.layout && display !== 'contents' && !isOnScreen(el, style, transform, boxed ? style.overflow : 'visible', viewport)) {
    return block ? OFF_SCREEN_BLOCK : OFF_SCREEN_INLINE;
  }
  const tiny = parseFloat(style.fontSize) < 1;
  return block ? (tiny ? SHOWN_BLOCK_TINY : SHOWN_BLOCK) : tiny ? SHOWN_INLINE_TINY : SHOWN_INLINE;
}

/** transform: scale(0) and its matrix forms (a and d near zero). */
function isScaledAway(transform: string): boolean {
  const matrix = /^matrix\(([^,]+),\s*([^,]+),\s*([^,]+),\s*([^,]+),/.exec(transform);
  return !!matrix && Math.abs(Number(matrix[1])) < 0.05 && Math.abs(Number(matrix[4])) < 0.05;
}

function isClippedAway(clipPath: string): boolean {
  return /^inset\((?:50|100)%/.test(clipPath) || /^circle\(0(?:px|%)?\s/.test(clipPath);
}

const CLIP_TO_NOTHING = /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/;

/**
 * Boxes clipped to nothing and boxes pushed off the left/top edge are hiding places, not content;
 * a fixed box outside the viewport (a toast still sliding in from the right) is not on screen yet.
 * A box in the normal flow (static, unclipped, untransformed) sits where its parent puts it, and
 * the parent was found on screen before it: that box is not measured (most of a page). What this
 * lets through is a static box moved off the page by a negative margin of its own, or lying in
 * the part of a partly off-page parent that is off the page.
 */
function isOnScreen(el: Element, style: CSSStyleDeclaration, transform: string, overflow: string, viewport: Viewport): boolean {
  const position = style.position;
  const positioned = position === 'absolute' || position === 'fixed';
  if (position === 'static' && overflow === 'visible' && transform === 'none') return true;
  const clipped = overflow !== 'visible' || (positioned && CLIP_TO_NOTHING.test(style.clip));
  const rect = el.getBoundingClientRect();
  if (clipped && (rect.width <= 1 || rect.height <= 1)) return false;
  if (position === 'fixed' && (rect.left >= viewport.width || rect.top >= viewport.height || rect.right <= 0 || rect.bottom <= 0)) return false;
  // A box of no width or height at the page's edge is a wrapper whose children are positioned on
  // their own (Whoops puts its two fixed panels in one): it pushes nothing off the page.
  const left = rect.left + viewport.scrollX;
  const top = rect.top + viewport.scrollY;
  return (left + rect.width > 0 || (rect.width === 0 && left >= 0)) && (top + rect.height > 0 || (rect.height === 0 && top >= 0));
}

export function isEditable(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return !isReadonlyField(el);
  // The attribute first: asking isContentEditable makes the browser bring styles up to date.
  return el.hasAttribute('contenteditable') && (el as HTMLElement).isContentEditable === true;
}

export function isReadonlyField(el: Element): boolean {
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

/** A list's items share their classes: the words in each distinct class-and-id string are read once. */
const hintsByClasses = new Map<string, readonly BlockHint[]>();
const MAX_CLASS_STRINGS = 2_000;

function classHints(classes: string): readonly BlockHint[] {
  let hints = hintsByClasses.get(classes);
  if (!hints) {
    hints = HINT_BY_CLASS.filter(([pattern]) => pattern.test(classes)).map(([, hint]) => hint);
    if (hintsByClasses.size >= MAX_CLASS_STRINGS) hintsByClasses.clear();
    hintsByClasses.set(classes, hints);
  }
  return hints;
}

/** Hints from the element itself: its tag, role, and the words in its classes and id. */
export function ownHints(el: Element): BlockHint[] {
  const hints: BlockHint[] = [];
  const tag = el.tagName;
  const role = el.getAttribute('role') ?? '';
  if (tag.length === 2 && tag[0] === 'H' && tag[1]! >= '1' && tag[1]! <= '6') hints.push('heading');
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
  const className = el.getAttribute('class');
  const id = el.id;
  if (className || id) {
    const classes = `${className ?? ''} ${id}`;
    if (classes.trim()) hints.push(...classHints(classes));
  }
  // A toast's own parts are often named "notice" (ant-message-notice, el-notification): a toast it is.
  if (hints.length > 1 && hints.includes('toast')) return hints.filter((hint) => hint !== 'notice');
  return hints;
}

/** A message surface still fading, sliding or zooming in: read the page again once it has arrived. */
export function isAnimating(el: Element): boolean {
  const animations = typeof el.getAnimations === 'function' ? el.getAnimations({ subtree: true }) : [];
  // A spinner turns for ever; only an entrance that ends is worth waiting for.
  return animations.some((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().iterations !== Infinity);
}
