import browser from 'webextension-polyfill';
import { sendToTab } from '../messages/send-message';
import { t } from '../shared/i18n';
import { windowsApi } from './browser-capabilities';
import type { CaptureQueue } from './capture-queue';
import { coverBoxes, coverPicture, readSecretRects, SecretsNotCoveredError, spanOf } from './secret-covers';

// A screenshot is only evidence if it shows the page that asked for it. The tab must be the
// active one of a visible window and still hold the same document before and after the shot;
// otherwise the capture is kept text-only with the reason.

export type ScreenshotResult = { png: Blob } | { error: string };

const WHOAMI_TIMEOUT_MS = 1_500;

export async function screenshotTab(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult> {
  // A tab that cannot be shot now (behind another tab, closed, changed) does not wait for, or use
  // up, one of the two shots a second: a burst of background captures stays instant.
  const early = await checkTab(tabId, docToken);
  if ('problem' in early) return { error: early.problem };
  return queue(async () => {
    const before = await checkTab(tabId, docToken);
    if ('problem' in before) return { error: before.problem };
    let png: Blob;
    try {
      // Where the secret fields are, asked right before and after the shot, painted over on the picture.
      const secrets = await readSecretRects(tabId);
      const shot = dataUrlToBlob(await browser.tabs.captureVisibleTab(before.windowId, { format: 'png' }));
      const rects = spanOf(secrets.rects, (await readSecretRects(tabId)).rects);
      const scale = secrets.devicePixelRatio;
      png = await coverPicture(shot, t('maskedField'), (imageWidth, imageHeight) => ({
        boxes: coverBoxes(rects, { scale, imageWidth, imageHeight }),
        scale,
      }));
    } catch (error) {
      if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      if (error instanceof SecretsNotCoveredError) return { error: 'secret_fields_not_covered' };
      return { error: `capture_failed: ${errorText(error)}` };
    }
    const after = await checkTab(tabId, docToken);
    if ('problem' in after) return { error: `${after.problem} (after the shot; image discarded)` };
    return { png };
  });
}

export async function checkTab(tabId: number, docToken: string): Promise<{ windowId: number } | { problem: string }> {
  let tab: browser.Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { problem: 'tab_closed' };
  }
  if (!tab.active || tab.windowId === undefined) return { problem: 'tab_not_visible' };
  // Android has no windows (Firefox has no windows API there): the active tab is the one on screen.
  const windows = windowsApi(browser);
  try {
    if (windows && (await windows.get(tab.windowId)).state === 'minimized') return { problem: 'window_minimized' };
  } catch {
    return { problem: 'tab_closed' };
  }
  if (!(await showsSameDocument(tabId, docToken))) return { problem: 'page_changed' };
  return { windowId: tab.windowId };
}

/** The tab still holds the document that asked (its content script answers with the same token). */
export async function showsSameDocument(tabId: number, docToken: string): Promise<boolean> {
  try {
    // A document leaving for the back/forward cache may never answer: silence is "changed", and
    // it must not hold the one screenshot queue.
    const silence = new Promise<null>((resolve) => setTimeout(() => resolve(null), WHOAMI_TIMEOUT_MS));
    const who = await Promise.race([sendToTab(tabId, 'content:whoami', {}), silence]);
    return who?.docToken === docToken;
  } catch {
    return false;
  }
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const [header, base64 = ''] = dataUrl.split(',', 2);
  const type = /data:([^;]+)/.exec(header ?? '')?.[1] ?? 'image/png';
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
