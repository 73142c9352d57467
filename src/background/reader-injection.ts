import browser from 'webextension-polyfill';
import { hostOnList } from '../detect/shop-signals';
import type { Settings } from '../settings/settings';
import { PAGE_READER } from '../shared/content-script-files';
import { safeUrl } from '../shared/safe-url';

// The reader goes only into pages that need it: the gate in every page (gate.ts) asks for it when a
// page looks like a shop, order or payment page, and a capture the shopper asks for brings it along.
// It is injected with scripting.executeScript into the top frame of the very document that asked
// (its documentId, where the browser gives one), so no file of ours has to be web-accessible. A
// second injection into the same document does nothing (reader.ts).

export async function handleGateOpen(sender: browser.Runtime.MessageSender, settings: () => Promise<Settings>): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const url = safeUrl(sender.url ?? '');
  if (tabId === undefined || sender.frameId !== 0 || !url || !/^https?:$/.test(url.protocol)) return { ok: false };
  const current = await settings();
  // The shopper's word first: automatic capture off, or the site denied, and the page is never read.
  if (!current.autoCapture || hostOnList(url.hostname, current.siteDenyList)) return { ok: false };
  await injectReader(tabId, sender.documentId);
  return { ok: true };
}

/** Puts the reader into a tab's top frame (the given document only, when known). */
export async function injectReader(tabId: number, documentId?: string): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  await browser.scripting.executeScript({ target, files: [PAGE_READER.file] });
}
