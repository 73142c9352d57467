import type { SubmitSnapshotResponse } from '../messages/message-map';
import { sendToTab } from '../messages/send-message';
import { randomToken } from '../shared/short-id';
import { injectReader } from './reader-injection';

// A capture the shopper asks for (context menu, keyboard shortcut, popup button). The worker puts
// the reader into the tab (the gate may have kept it out) and hands it a one-time grant; the reader
// reads its page and submits it through the normal capture path with the grant, which is what lets
// that path keep a page the detectors found nothing on. A grant is for one tab, is used once, and
// expires.

const GRANT_TTL_MS = 30_000;
const grants = new Map<string, { tabId: number; expires: number }>();

export function issueManualGrant(tabId: number, now = Date.now()): string {
  for (const [grant, entry] of grants) if (entry.expires < now) grants.delete(grant);
  const grant = randomToken();
  grants.set(grant, { tabId, expires: now + GRANT_TTL_MS });
  return grant;
}

/** True once per grant, for the tab it was issued for, before it expires. */
export function consumeManualGrant(grant: unknown, tabId: number, now = Date.now()): boolean {
  if (typeof grant !== 'string') return false;
  const entry = grants.get(grant);
  if (!entry) return false;
  grants.delete(grant);
  return entry.tabId === tabId && entry.expires >= now;
}

/** A page still loading cannot take the reader yet: try again for a few seconds. */
const CONTENT_SCRIPT_WAIT_MS = 3_000;
const RETRY_EVERY_MS = 250;

export async function captureTabNow(tabId: number): Promise<SubmitSnapshotResponse> {
  const grant = issueManualGrant(tabId);
  const giveUpAt = Date.now() + CONTENT_SCRIPT_WAIT_MS;
  for (;;) {
    try {
      await injectReader(tabId);
      const reply = await sendToTab(tabId, 'content:capture-now', { grant });
      return reply ?? { ok: false, error: 'no_answer_from_page' };
    } catch {
      if (Date.now() >= giveUpAt) {
        // No reader can go in: a browser page, a store page, a page the extension may not read.
        grants.delete(grant);
        return { ok: false, error: 'page_not_capturable' };
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}
