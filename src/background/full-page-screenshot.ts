import browser from 'webextension-polyfill';
import type { ViewportRect } from '../messages/message-map';
import { sendToTab } from '../messages/send-message';
import { t } from '../shared/i18n';
import { debuggerApi, type DebuggerApi } from './browser-capabilities';
import type { CaptureQueue } from './capture-queue';
import { coverBoxes, coverPicture, paintCovers, readSecretRects, SecretsNotCoveredError, spanOf } from './secret-covers';
import { stitchPlan } from './stitch-plan';
import { checkTab, dataUrlToBlob, screenshotTab, showsSameDocument, type ScreenshotResult } from './take-screenshot';

// The whole page, for long order pages (setting fullPageCapture, off by default). With the optional
// `debugger` permission granted: one CDP Page.captureScreenshot beyond the viewport. Without it:
// scroll a viewport at a time and stitch captureVisibleTab tiles on an OffscreenCanvas, each tile a
// task of the rate-limited capture queue. Fixed headers then repeat on every tile; that is the price
// of not asking for `debugger`. Any failure falls back to the visible-area screenshot.

/** Taller pages are cut here (CSS px): canvas limits, and a picture a person can still open. */
export const MAX_FULL_PAGE_HEIGHT = 16_000;

class TileProblem extends Error {}

export async function fullPageScreenshot(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult> {
  try {
    const api = debuggerApi();
    const full = api ? await viaDebugger(queue, api, tabId, docToken) : await byStitching(queue, tabId, docToken);
    if (full) return full;
  } catch (error) {
    if (error instanceof SecretsNotCoveredError) return { error: 'secret_fields_not_covered' };
    if (error instanceof TileProblem) return { error: error.message };
  }
  return screenshotTab(queue, tabId, docToken);
}

async function viaDebugger(queue: CaptureQueue, api: DebuggerApi, tabId: number, docToken: string): Promise<ScreenshotResult> {
  return queue(async () => {
    const before = await checkTab(tabId, docToken);
    if ('problem' in before) return { error: before.problem };
    const secrets = await readSecretRects(tabId);
    const shot = await debuggerShot(api, tabId);
    // The picture starts at the top left of the page: a field's place there is its viewport place plus the scroll.
    const rects = spanOf(secrets.rects, (await readSecretRects(tabId)).rects);
    const png = await coverPicture(shot.png, t('maskedField'), (imageWidth, imageHeight) => {
      const scale = imageWidth / shot.cssWidth;
      return { boxes: coverBoxes(rects, { scale, offsetX: secrets.scrollX, offsetY: secrets.scrollY, imageWidth, imageHeight }), scale };
    });
    if (!(await showsSameDocument(tabId, docToken))) return { error: 'page_changed (after the shot; image discarded)' };
    return { png };
  });
}

/** The whole page in one CDP screenshot, and its width in CSS pixels (the picture's is in device pixels). */
export async function debuggerShot(api: DebuggerApi, tabId: number): Promise<{ png: Blob; cssWidth: number }> {
  const target = { tabId };
  await api.attach(target, '1.3');
  try {
    const metrics = (await api.sendCommand(target, 'Page.getLayoutMetrics')) as {
      cssContentSize?: { width: number; height: number };
      contentSize: { width: number; height: number };
    };
    const size = metrics.cssContentSize ?? metrics.contentSize;
    const clip = { x: 0, y: 0, width: Math.ceil(size.width), height: Math.min(Math.ceil(size.height), MAX_FULL_PAGE_HEIGHT), scale: 1 };
    const shot = (await api.sendCommand(target, 'Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip })) as { data: string };
    return { png: dataUrlToBlob(`data:image/png;base64,${shot.data}`), cssWidth: clip.width };
  } finally {
    await api.detach(target).catch(() => undefined);
  }
}

/** Null when the page fits the viewport: the visible shot is then the whole page. */
async function byStitching(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult | null> {
  const metrics = await sendToTab(tabId, 'content:page-metrics', {});
  const plan = stitchPlan(metrics.scrollHeight, metrics.viewportHeight, MAX_FULL_PAGE_HEIGHT);
  if (plan.offsets.length < 2) return null;
  const tiles: Tile[] = [];
  try {
    for (const offset of plan.offsets) {
      tiles.push(
        await queue(async () => {
          const tab = await checkTab(tabId, docToken);
          if ('problem' in tab) throw new TileProblem(tab.problem);
          const at = await sendToTab(tabId, 'content:scroll-to', { x: 0, y: offset });
          if (!Array.isArray(at?.secrets)) throw new SecretsNotCoveredError();
          const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
          const secrets = spanOf(at.secrets, (await readSecretRects(tabId)).rects);
          return { y: at.y, blob: dataUrlToBlob(dataUrl), secrets };
        }),
      );
    }
  } finally {
    await sendToTab(tabId, 'content:scroll-to', { x: metrics.scrollX, y: metrics.scrollY }).catch(() => undefined);
    // The last scroll may have hidden pinned headers again (pinned-elements.ts).
    await sendToTab(tabId, 'content:shot-done', {}).catch(() => undefined);
  }
  if (!(await showsSameDocument(tabId, docToken))) return { error: 'page_changed (after the shot; image discarded)' };
  return { png: await stitch(tiles, plan.height, metrics.devicePixelRatio) };
}

interface Tile {
  y: number;
  blob: Blob;
  /** The secret fields in view in this tile (viewport CSS pixels). */
  secrets: ViewportRect[];
}

/** Each tile drawn where it belongs, and its secret fields painted over before the next tile is drawn. */
async function stitch(tiles: readonly Tile[], cssHeight: number, devicePixelRatio: number): Promise<Blob> {
  const bitmaps = await Promise.all(tiles.map((tile) => createImageBitmap(tile.blob)));
  const canvas = new OffscreenCanvas(bitmaps[0]!.width, Math.round(cssHeight * devicePixelRatio));
  const context = canvas.getContext('2d')!;
  const label = t('maskedField');
  bitmaps.forEach((bitmap, index) => {
    const tile = tiles[index]!;
    context.drawImage(bitmap, 0, Math.round(tile.y * devicePixelRatio));
    const place = { scale: devicePixelRatio, offsetY: tile.y, imageWidth: canvas.width, imageHeight: canvas.height };
    paintCovers(context, coverBoxes(tile.secrets, place), label, devicePixelRatio);
  });
  for (const bitmap of bitmaps) bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
