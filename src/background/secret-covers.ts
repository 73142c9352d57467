import type { SecretRects, ViewportRect } from '../messages/message-map';
import { sendToTab } from '../messages/send-message';

// Password, card, CVV and one-time-code fields are painted over on the screenshot itself, before it
// is kept: the page is asked only where those fields are (no cover is ever put into the page, so
// nothing a page script could notice happens there), and opaque boxes go onto the picture at those
// places, scaled to its pixels. When the page cannot say where they are, no screenshot is kept: the
// capture is text-only with the reason.

export class SecretsNotCoveredError extends Error {}

/** A box on the picture, in image pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const COVER_COLOR = '#3a3a3a';

export async function readSecretRects(tabId: number): Promise<SecretRects> {
  let secrets: SecretRects | undefined;
  try {
    secrets = await sendToTab(tabId, 'content:secret-rects', {});
  } catch {
    throw new SecretsNotCoveredError();
  }
  if (!secrets || !Array.isArray(secrets.rects)) throw new SecretsNotCoveredError();
  return secrets;
}

/**
 * Where the fields may have been while the picture was taken: asked just before and just after,
 * each field's box grown to hold both places (a page scrolled or moved in between), or every box
 * of both answers when the fields themselves changed.
 */
export function spanOf(before: readonly ViewportRect[], after: readonly ViewportRect[]): ViewportRect[] {
  if (before.length !== after.length) return [...before, ...after];
  return before.map((a, index) => {
    const b = after[index]!;
    const left = Math.min(a.left, b.left);
    const top = Math.min(a.top, b.top);
    return { left, top, width: Math.max(a.left + a.width, b.left + b.width) - left, height: Math.max(a.top + a.height, b.top + b.height) - top };
  });
}

/**
 * Viewport rectangles onto a picture: each moved by `offset` (CSS pixels; the page's scroll for a
 * picture of the whole page), scaled by `scale` (image pixels per CSS pixel), rounded outwards so a
 * field's edge is never left showing, and cut to the picture. Boxes wholly outside are dropped.
 */
export function coverBoxes(
  rects: readonly ViewportRect[],
  place: { scale: number; offsetX?: number; offsetY?: number; imageWidth: number; imageHeight: number },
): PixelBox[] {
  const { scale, offsetX = 0, offsetY = 0, imageWidth, imageHeight } = place;
  const boxes: PixelBox[] = [];
  for (const rect of rects) {
    if (![rect.left, rect.top, rect.width, rect.height].every(Number.isFinite) || rect.width <= 0 || rect.height <= 0) continue;
    const left = Math.max(0, Math.floor((rect.left + offsetX) * scale));
    const top = Math.max(0, Math.floor((rect.top + offsetY) * scale));
    const right = Math.min(imageWidth, Math.ceil((rect.left + offsetX + rect.width) * scale));
    const bottom = Math.min(imageHeight, Math.ceil((rect.top + offsetY + rect.height) * scale));
    if (right > left && bottom > top) boxes.push({ x: left, y: top, width: right - left, height: bottom - top });
  }
  return boxes;
}

/** Paints opaque boxes, each labelled, onto a 2D canvas (the picture being put together). */
export function paintCovers(context: OffscreenCanvasRenderingContext2D, boxes: readonly PixelBox[], label: string, scale: number): void {
  for (const box of boxes) {
    context.fillStyle = COVER_COLOR;
    context.fillRect(box.x, box.y, box.width, box.height);
    try {
      context.save();
      context.beginPath();
      context.rect(box.x, box.y, box.width, box.height);
      context.clip();
      context.fillStyle = '#fff';
      context.font = `${Math.round(12 * scale)}px sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(label, box.x + box.width / 2, box.y + box.height / 2);
    } catch {
      // A canvas without fonts still has the box, which is what hides the field.
    } finally {
      context.restore();
    }
  }
}

/** A PNG with the boxes painted on (the same PNG when there is nothing to cover). */
export async function coverPicture(
  png: Blob,
  label: string,
  boxesFor: (imageWidth: number, imageHeight: number) => { boxes: PixelBox[]; scale: number },
): Promise<Blob> {
  const bitmap = await createImageBitmap(png);
  try {
    const { boxes, scale } = boxesFor(bitmap.width, bitmap.height);
    if (boxes.length === 0) return png;
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    paintCovers(context, boxes, label, scale);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
