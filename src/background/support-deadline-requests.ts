import browser from 'webextension-polyfill';
import { isoWithOffset } from '../evidence/iso-time';
import type { SupportCaseRequest, SupportDeadlineResponse } from '../messages/message-map';
import { paymentChannelOf, startSupportDeadline } from '../orders/support-deadline';
import { chainEntries, readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { saveSupportDeadline, updateSupportDeadline } from '../store/support-deadline-store';
import type { OrderTrackingDeps } from './order-tracking';

// "I contacted support" and "resolved" come only from the extension's own pages (the case view,
// the popup): a web page must not be able to start or stop the shopper's deadlines.

export function fromExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  return !!sender.url && sender.url.startsWith(browser.runtime.getURL(''));
}

export async function supportContacted(request: SupportCaseRequest, deps: OrderTrackingDeps): Promise<SupportDeadlineResponse> {
  const db = await deps.db();
  const settings = await deps.settings();
  const texts = await caseTexts(db, request.caseId);
  const deadline = startSupportDeadline(request.caseId, deps.now(), settings.supportDeadlineHours, paymentChannelOf(texts), (d) => isoWithOffset(d));
  await saveSupportDeadline(db, deadline);
  return { ok: true, deadline };
}

export async function supportResolved(request: SupportCaseRequest, deps: OrderTrackingDeps): Promise<SupportDeadlineResponse> {
  const deadline = await updateSupportDeadline(await deps.db(), request.caseId, { resolvedAt: isoWithOffset(deps.now()) });
  return deadline ? { ok: true, deadline } : { ok: false, error: 'no support deadline for this case' };
}

/** URLs, titles, messages and page texts of the case's newest captures: where the pay way shows. */
async function caseTexts(db: EvidenceDb, caseId: string): Promise<string[]> {
  const captures = (await chainEntries(db)).filter((entry) => entry.caseId === caseId && 'url' in entry).slice(-5);
  const texts: string[] = [];
  for (const entry of captures) {
    if (!('url' in entry)) continue;
    texts.push(entry.url, entry.title, entry.message);
    for (const file of entry.files.filter((f) => f.role === 'text')) {
      const stored = await readFile(db, file.path);
      if (stored) texts.push(await stored.blob.text());
    }
  }
  return texts;
}
