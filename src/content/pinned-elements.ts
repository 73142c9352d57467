// Scroll-and-stitch full-page screenshots (Firefox always, having no chrome.debugger; Chromium
// without the `debugger` permission): a header pinned with position fixed or sticky is painted
// again at the top of every tile, over the rows that scrolled under it — on an order page those
// can be the amount actually paid. So for every tile after the first, pinned elements are hidden
// (visibility only: nothing reflows) and shown again afterwards. A sticky element is hidden only
// while it is stuck, i.e. shown away from where it sits in the flow; otherwise it is ordinary
// content of that tile. If nobody shows them again (the worker stopped mid-shot), they come back
// by themselves after RESTORE_AFTER_MS. What each had before is kept here, not on the element:
// the page sees its own inline style change for the length of the shot and nothing else.

const RESTORE_AFTER_MS = 10_000;

/** Each hidden element and the inline visibility (value, priority) it had. */
const hiddenNow = new Map<HTMLElement, [string, string]>();
let restoreTimer: ReturnType<typeof setTimeout> | undefined;

/** Hides what is pinned over the current viewport; returns how many elements it hid. */
export function hidePinnedElements(doc: Document): number {
  const view = doc.defaultView;
  if (!view || !doc.body) return 0;
  let hidden = 0;
  for (const element of Array.from(doc.body.querySelectorAll<HTMLElement>('*'))) {
    if (hiddenNow.has(element)) continue;
    const position = view.getComputedStyle(element).position;
    if (position === 'fixed' || (position === 'sticky' && isStuck(element))) {
      const style = element.style;
      hiddenNow.set(element, [style.getPropertyValue('visibility'), style.getPropertyPriority('visibility')]);
      style.setProperty('visibility', 'hidden', 'important');
      hidden++;
    }
  }
  clearTimeout(restoreTimer);
  if (hidden > 0) restoreTimer = setTimeout(showPinnedElements, RESTORE_AFTER_MS);
  return hidden;
}

/** Puts back exactly the inline visibility each hidden element had. */
export function showPinnedElements(): void {
  clearTimeout(restoreTimer);
  for (const [element, [value, priority]] of hiddenNow) {
    if (value) element.style.setProperty('visibility', value, priority);
    else element.style.removeProperty('visibility');
  }
  hiddenNow.clear();
}

/** How many elements are hidden now (for tests). */
export function pinnedHiddenCount(): number {
  return hiddenNow.size;
}

/** A sticky element is stuck when it is drawn somewhere else than its place in the flow. */
function isStuck(element: HTMLElement): boolean {
  const style = element.style;
  const shown = element.getBoundingClientRect();
  const value = style.getPropertyValue('position');
  const priority = style.getPropertyPriority('position');
  style.setProperty('position', 'static', 'important');
  const inFlow = element.getBoundingClientRect();
  if (value) style.setProperty('position', value, priority);
  else style.removeProperty('position');
  return Math.abs(shown.top - inFlow.top) > 0.5 || Math.abs(shown.left - inFlow.left) > 0.5;
}
