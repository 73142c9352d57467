// Who is asking? Decided from what the browser itself stamps on a message (`sender`), never from
// the message. Evidence is read, exported and deleted only by this extension's own pages; a
// content script speaks for its page and nothing else; anyone else is a stranger.

export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface OwnIdentity {
  runtimeId: string;
  /** `chrome-extension://<id>` (no trailing slash). */
  origin: string;
}

export type SenderKind = 'extension-page' | 'content-script' | 'stranger';

export function senderKind(sender: SenderFacts, own: OwnIdentity): SenderKind {
  if (sender.id !== own.runtimeId) return 'stranger';
  const ownPage = (url: string | undefined) => typeof url === 'string' && url.startsWith(`${own.origin}/`);
  if (ownPage(sender.url) && (sender.origin === undefined || sender.origin === own.origin)) {
    // The popup opened in a tab is still ours; a web page's tab never is.
    if (!sender.tab || ownPage(sender.tab.url)) return 'extension-page';
    return 'stranger';
  }
  if (sender.tab?.id !== undefined && typeof sender.url === 'string' && /^https?:\/\//i.test(sender.url)) {
    return 'content-script';
  }
  return 'stranger';
}
