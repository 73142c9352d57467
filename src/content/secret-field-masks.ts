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
  const boxes = secretFields(doc)
    .map((field) => field.getBoundingClientRect())
    .filter((rect) => rect.width > 0 && rect.height > 0 && view && rect.bottom > 0 && rect.right > 0 && rect.top < view.innerHeight && rect.left < view.innerWidth);
  if (active) {
    clearTimeout(active.timer);
    active.host.remove();
  }
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'closed' });
  for (const rect of boxes) {
    const box = doc.createElement('div');
    box.textContent = label;
    box.style.cssText = [
      'position:fixed', `left:${rect.left}px`, `top:${rect.top}px`, `width:${rect.width}px`, `height:${rect.height}px`,
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
function painted(view: Window | null): Promise<void> {
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
