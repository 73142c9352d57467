import browser from 'webextension-polyfill';
import { sendToTab } from '../messages/send-message';
import type { CaptureQueue } from './capture-queue';

// A screenshot is only evidence if it shows the page that asked for it. The tab must be the
// active one of a visible window and still hold the same document before and after the shot;
// otherwise the capture is kept text-only with the reason.

export type ScreenshotResult = { png: Blob } | { error: string };

export async function screenshotTab(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult> {
  return queue(async () => {
    const before = await checkTab(tabId, docToken);
    if ('problem' in before) return { error: before.problem };
    let dataUrl: string;
    try {
      dataUrl = await browser.tabs.captureVisibleTab(before.windowId, { format: 'png' });
    } catch (error) {
      if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      return { error: `capture_failed: ${errorText(error)}` };
    }
    const after = await checkTab(tabId, docToken);
    if ('problem' in after) return { error: `${after.problem} (after the shot; image discarded)` };
    return { png: dataUrlToBlob(dataUrl) };
  });
}

async function checkTab(tabId: number, docToken: string): Promise<{ windowId: number } | { problem: string }> {
  let tab: browser.Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { problem: 'tab_closed' };
  }
  if (!tab.active || tab.windowId === undefined) return { problem: 'tab_not_visible' };
  try {
    if ((await browser.windows.get(tab.windowId)).state === 'minimized') return { problem: 'window_minimized' };
  } catch {
    return { problem: 'tab_closed' };
  }
  try {
    const who = await sendToTab(tabId, 'content:whoami', {});
    if (who?.docToken !== docToken) return { problem: 'page_changed' };
  } catch {
    return { problem: 'page_changed' };
  }
  return { windowId: tab.windowId };
}

function dataUrlToBlob(dataUrl: string): Blob {
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
