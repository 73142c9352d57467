import type { CaptureEntry } from '../evidence/capture-entry';
import { stampLines } from './stamp-lines';
import type { StampedCopy } from './write-bundle';

// Draws the stamped copy of a screenshot with OffscreenCanvas (extension pages and workers): the
// original image untouched on top, a band below it with the lines from stamp-lines.ts. The band is
// appended rather than laid over the page so it never hides what the screenshot shows. Complaint
// forms and chat apps take pictures up to a few MB: we aim at ≤ 2 MB and ≤ 4096 px per edge,
// switching to JPEG and then downscaling when PNG is too big.

export const STAMP_LIMITS = { maxBytes: 2 * 1024 * 1024, maxEdge: 4096 } as const;

const FONT_STACK = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";
const BAND_BACKGROUND = '#111827';
const BAND_RULE = '#0f766e';
const BAND_TEXT = '#ffffff';

export async function stampScreenshot(capture: CaptureEntry, original: Blob, originalSha256: string): Promise<StampedCopy | null> {
  const bitmap = await createImageBitmap(original);
  try {
    let scale = Math.min(1, STAMP_LIMITS.maxEdge / bitmap.width, STAMP_LIMITS.maxEdge / (bitmap.height * 1.25));
    for (let attempt = 0; attempt < 6; attempt++) {
      const canvas = drawStamped(bitmap, capture, originalSha256, scale);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      if (png.size <= STAMP_LIMITS.maxBytes) return { blob: png, extension: 'png' };
      for (const quality of [0.88, 0.75]) {
        const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        if (jpeg.size <= STAMP_LIMITS.maxBytes) return { blob: jpeg, extension: 'jpg' };
      }
      scale *= 0.75;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

function drawStamped(bitmap: ImageBitmap, capture: CaptureEntry, sha: string, scale: number): OffscreenCanvas {
  const width = Math.max(320, Math.round(bitmap.width * scale));
  const imageHeight = Math.round(bitmap.height * (width / bitmap.width));
  // Legible on a phone: the image is shown about 1000 px wide there, so text ≈ 1/40 of the width.
  const fontSize = Math.max(16, Math.round(width / 40));
  const padding = Math.round(fontSize * 0.7);
  const measure = new OffscreenCanvas(1, 1).getContext('2d')!;
  measure.font = `${fontSize}px ${FONT_STACK}`;
  const lines = stampLines({ capture, originalSha256: sha }, { max: width - 2 * padding, measure: (text) => measure.measureText(text).width });
  const lineHeight = Math.round(fontSize * 1.35);
  const rule = Math.max(4, Math.round(fontSize / 5));
  const bandHeight = rule + 2 * padding + lines.length * lineHeight;
  const canvas = new OffscreenCanvas(width, Math.min(STAMP_LIMITS.maxEdge, imageHeight + bandHeight));
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, width, imageHeight);
  context.fillStyle = BAND_RULE;
  context.fillRect(0, imageHeight, width, rule);
  context.fillStyle = BAND_BACKGROUND;
  context.fillRect(0, imageHeight + rule, width, bandHeight - rule);
  context.fillStyle = BAND_TEXT;
  context.font = `${fontSize}px ${FONT_STACK}`;
  context.textBaseline = 'top';
  lines.forEach((line, index) => context.fillText(line, padding, imageHeight + rule + padding + index * lineHeight + (lineHeight - fontSize) / 2));
  return canvas;
}

