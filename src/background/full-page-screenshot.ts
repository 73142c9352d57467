import browser from 'webextension-polyfill';
import { sendToTab } from '../messages/send-message';
import { debuggerApi, type DebuggerApi } from './browser-capabilities';
import type { CaptureQueue } from './capture-queue';
import { stitchPlan } from './stitch-plan';
import {
  checkTab,
  dataUrlToBlob,
  screenshotTab,
  SecretsNotCoveredError,
  showsSameDocument,
  withSecretFieldsCovered,
  type ScreenshotResult,
} from './take-screenshot';

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
    const png = await withSecretFieldsCovered(tabId, () => debuggerShot(api, tabId));
    if (!(await showsSameDocument(tabId, docToken))) return { error: 'page_changed (after the shot; image discarded)' };
    return { png };
  });
}

export async function debuggerShot(api: DebuggerApi, tabId: number): Promise<Blob> {
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
    return dataUrlToBlob(`data:image/png;base64,${shot.data}`);
  } finally {
    await api.detach(target).catch(() => undefined);
  }
}

/** Null when the page fits the viewport: the visible shot is then the whole page. */
async function byStitching(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult | null> {
  const metrics = await sendToTab(tabId, 'content:page-metrics', {});
  const plan = stitchPlan(metrics.scrollHeight, metrics.viewportHeight, MAX_FULL_PAGE_HEIGHT);
  if (plan.offsets.length < 2) return null;
  const holdMs = plan.offsets.length * 1_500 + 3_000;
  return withSecretFieldsCovered(
    tabId,
    async () => {
      const tiles: Array<{ y: number; blob: Blob }> = [];
      try {
        for (const offset of plan.offsets) {
          tiles.push(
            await queue(async () => {
              const tab = await checkTab(tabId, docToken);
              if ('problem' in tab) throw new TileProblem(tab.problem);
              const at = await sendToTab(tabId, 'content:scroll-to', { x: 0, y: offset });
              const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
              return { y: at.y, blob: dataUrlToBlob(dataUrl) };
            }),
          );
        }
      } finally {
        await sendToTab(tabId, 'content:scroll-to', { x: metrics.scrollX, y: metrics.scrollY }).catch(() => undefined);
      }
      if (!(await showsSameDocument(tabId, docToken))) return { error: 'page_changed (after the shot; image discarded)' };
      return { png: await stitch(tiles, plan.height, metrics.devicePixelRatio) };
    },
    holdMs,
  );
}

async function stitch(tiles: ReadonlyArray<{ y: number; blob: Blob }>, cssHeight: number, devicePixelRatio: number): Promise<Blob> {
  const bitmaps = await Promise.all(tiles.map((tile) => createImageBitmap(tile.blob)));
  const canvas = new OffscreenCanvas(bitmaps[0]!.width, Math.round(cssHeight * devicePixelRatio));
  const context = canvas.getContext('2d')!;
  bitmaps.forEach((bitmap, index) => context.drawImage(bitmap, 0, Math.round(tiles[index]!.y * devicePixelRatio)));
  for (const bitmap of bitmaps) bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
