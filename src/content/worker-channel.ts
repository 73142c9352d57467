import type { Message, MessageMap, MessageType, Reply } from '../messages/message-map';

// How the scripts in a page speak with the worker, on the `chrome` namespace both browsers give a
// content script, with callbacks. Not webextension-polyfill: it is a third of the reader's size,
// and the reader is injected into every shop page the shopper opens, parsed there on the page's
// time. Reading lastError keeps a worker that is not there (the extension reloading) from logging.

/** The worker's answer; undefined when none came (no worker, or it stopped before answering). */
export function askWorker<K extends MessageType>(type: K, request: MessageMap[K]['request']): Promise<Reply<K> | undefined> {
  const message = { type, ...request } as Message<K>;
  return new Promise((resolve) =>
    chrome.runtime.sendMessage(message, (reply?: Reply<K>) => {
      resolve(chrome.runtime.lastError ? undefined : reply);
    }),
  );
}

/**
 * Answers what this extension's worker asks of the page. The handler returns undefined for a
 * message it does not take (another listener, or nobody, answers it).
 */
export function answerWorker(handler: (message: Partial<Message> | null) => Promise<unknown> | undefined): void {
  chrome.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (answer: unknown) => void) => {
    // Only this extension's worker: a tab never sends to another tab's content script.
    if (sender.id !== chrome.runtime.id || sender.tab) return false;
    const answer = handler(raw as Partial<Message> | null);
    if (!answer) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
