import browser from 'webextension-polyfill';
import { sendToTab } from '../messages/send-message';
import { windowsApi } from './browser-capabilities';
import type { CaptureQueue } from './capture-queue';

// A screenshot is only evidence if it shows the page that asked for it. The tab must be the
// active one of a visible window and still hold the same document before and after the shot;
// otherwise the capture is kept text-only with the reason.

export type ScreenshotResult = { png: Blob } | { error: string };

const MASK_HOLD_MS = 3_000;
const WHOAMI_TIMEOUT_MS = 1_500;

export async function screenshotTab(queue: CaptureQueue, tabId: number, docToken: string): Promise<ScreenshotResult> {
  // A tab that cannot be shot now (behind another tab, closed, changed) does not wait for, or use
  // up, one of the two shots a second: a burst of background captures stays instant.
  const early = await checkTab(tabId, docToken);
  if ('problem' in early) return { error: early.problem };
  return queue(async () => {
    const before = await checkTab(tabId, docToken);
    if ('problem' in before) return { error: before.problem };
    let dataUrl: string;
    try {
      dataUrl = await withSecretFieldsCovered(tabId, () => browser.tabs.captureVisibleTab(before.windowId, { format: 'png' }));
    } catch (error) {
      if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      if (error instanceof SecretsNotCoveredError) return { error: 'secret_fields_not_covered' };
      return { error: `capture_failed: ${errorText(error)}` };
    }
    const after = await checkTab(tabId, docToken);
    if ('problem' in after) return { error: `${after.problem} (after the shot; image discarded)` };
    return { png: dataUrlToBlob(dataUrl) };
  });
}

export class SecretsNotCoveredError extends Error {}

/**
 * Password, card, CVV and one-time-code fields are covered by the page's content script for the
 * instant of the shot and uncovered right after, whatever happens. The covers also remove
 * themselves after MASK_HOLD_MS in case this worker is stopped in between. When the page cannot
 * confirm the covers, no screenshot is taken: the capture is kept text-only with the reason.
 */
export async function withSecretFieldsCovered<T>(tabId: number, shoot: () => Promise<T>, holdMs = MASK_HOLD_MS): Promise<T> {
  try {
    await sendToTab(tabId, 'content:mask-secrets', { holdMs });
  } catch {
    throw new SecretsNotCoveredError();
  }
  try {
    return await shoot();
  } finally {
    await sendToTab(tabId, 'content:unmask-secrets', {}).catch(() => undefined);
  }
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
