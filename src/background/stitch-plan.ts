// Where to scroll for each tile of a scroll-and-stitch full-page screenshot. Pure arithmetic.
// Tiles are one viewport tall; the last one is aligned to the page bottom (the browser cannot
// scroll further), so it overlaps the one before instead of leaving a gap. Pages taller than
// `maxHeight` are cut there and say so: a canvas has a size limit, and so has a PNG a person opens.

export interface StitchPlan {
  /** Scroll offsets (CSS px) to capture, top to bottom. */
  offsets: number[];
  /** Height of the stitched image in CSS px. */
  height: number;
  truncated: boolean;
}

export function stitchPlan(pageHeight: number, viewportHeight: number, maxHeight: number): StitchPlan {
  const view = Math.max(1, Math.floor(viewportHeight));
  const full = Math.max(view, Math.ceil(pageHeight));
  const height = Math.min(full, Math.max(view, Math.floor(maxHeight)));
  const offsets: number[] = [];
  for (let y = 0; y < height; y += view) offsets.push(Math.min(y, full - view));
  return { offsets: [...new Set(offsets)], height, truncated: full > height };
}
