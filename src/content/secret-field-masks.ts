import { secretFields } from './secret-fields';

// Covers secret fields with opaque boxes for the instant of a screenshot. The boxes live in a
// closed shadow root on <html> so page CSS cannot restyle or reveal them, and they remove
// themselves after `holdMs` even if the worker never says it is done (it may have been stopped).

const HOST_ATTRIBUTE = 'data-paywitness-mask';
let active: { host: Element; timer: ReturnType<typeof setTimeout>; holders: number } | null = null;

export interface MaskResult {
  masked: number;
}

/** Adds the masks (or extends the ones shown) and resolves once they have been painted. */
export async function showSecretMasks(doc: Document, holdMs: number, label: string): Promise<MaskResult> {
  const view = doc.defaultView;
  // Every field, on screen or not, in page coordinates: a full-page shot scrolls or grows the viewport.
  const boxes = secretFields(doc)
    .map((field) => field.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0)
    .map((rect) => ({ left: rect.left + (view?.scrollX ?? 0), top: rect.top + (view?.scrollY ?? 0), width: rect.width, height: rect.height }));
  // Nothing to cover: nothing is put into the page, so its scripts see nothing of the screenshot.
  if (boxes.length === 0 && !active) return { masked: 0 };
  if (active) {
    clearTimeout(active.timer);
    active.host.remove();
  }
  // Its own tag name and !important inline style: page CSS cannot hide or move the covers.
  const host = doc.createElement('paywitness-mask');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.style.cssText =
    'all:initial;display:block!important;position:absolute!important;left:0!important;top:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important';
  const root = host.attachShadow({ mode: 'closed' });
  for (const rect of boxes) {
    const box = doc.createElement('div');
    box.textContent = label;
    box.style.cssText = [
      'position:absolute', `left:${rect.left}px`, `top:${rect.top}px`, `width:${rect.width}px`, `height:${rect.height}px`,
      'z-index:2147483647', 'background:#3a3a3a', 'color:#fff', 'font:12px/1 sans-serif', 'display:flex',
      'align-items:center', 'justify-content:center', 'overflow:hidden', 'pointer-events:none', 'box-sizing:border-box',
      'border-radius:2px', 'margin:0', 'opacity:1', 'visibility:visible',
    ].join(';');
    root.append(box);
  }
  doc.documentElement.append(host);
  active = { host, holders: (active?.holders ?? 0) + 1, timer: setTimeout(() => removeAll(), holdMs) };
  await painted(view);
  return { masked: boxes.length };
}

/** One holder is done; the masks go when the last one is. */
export function hideSecretMasks(): void {
  if (!active) return;
  active.holders--;
  if (active.holders <= 0) removeAll();
}


function removeAll(): void {
  if (!active) return;
  clearTimeout(active.timer);
  active.host.remove();
  active = null;
}

/** Two animation frames: the boxes are laid out and composited before the worker shoots. */
export function painted(view: Window | null): Promise<void> {
  if (!view) return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 150);
    view.requestAnimationFrame(() =>
      view.requestAnimationFrame(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}
