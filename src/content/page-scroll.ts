import type { PageMetrics, ScrolledTile } from '../messages/message-map';
import { hidePinnedElements, showPinnedElements } from './pinned-elements';
import { secretFieldRects } from './secret-fields';

// For a scroll-and-stitch full-page screenshot: how big the page is, and scrolling it a viewport
// at a time (instantly, whatever the page's CSS scroll-behavior) with an answer once painted —
// where it really got to, and where the secret fields are drawn in that tile.

export function pageMetrics(doc: Document): PageMetrics {
  const view = doc.defaultView!;
  const root = doc.documentElement;
  const body = doc.body;
  return {
    scrollWidth: Math.max(root.scrollWidth, body?.scrollWidth ?? 0),
    scrollHeight: Math.max(root.scrollHeight, body?.scrollHeight ?? 0),
    viewportWidth: root.clientWidth || view.innerWidth,
    viewportHeight: root.clientHeight || view.innerHeight,
    scrollX: view.scrollX,
    scrollY: view.scrollY,
    devicePixelRatio: view.devicePixelRatio,
  };
}

export async function scrollAndPaint(view: Window, x: number, y: number): Promise<ScrolledTile> {
  showPinnedElements();
  view.scrollTo({ left: x, top: y, behavior: 'instant' });
  // Below the top, a pinned header would cover the rows that scrolled under it (pinned-elements.ts).
  if (view.scrollY > 0) hidePinnedElements(view.document);
  await painted(view);
  return { x: view.scrollX, y: view.scrollY, secrets: secretFieldRects(view.document).rects };
}

/** Two animation frames: the scrolled page is laid out and composited before the worker shoots. */
function painted(view: Window): Promise<void> {
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
