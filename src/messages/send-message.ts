import browser from 'webextension-polyfill';
import type { Message, MessageMap, MessageType, Reply } from './message-map';

export function sendToWorker<K extends MessageType>(
  type: K,
  request: MessageMap[K]['request'],
): Promise<Reply<K>> {
  const message = { type, ...request } as Message<K>;
  return browser.runtime.sendMessage(message) as Promise<Reply<K>>;
}

export function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  request: MessageMap[K]['request'],
  frameId = 0,
): Promise<Reply<K>> {
  const message = { type, ...request } as Message<K>;
  return browser.tabs.sendMessage(tabId, message, { frameId }) as Promise<Reply<K>>;
}
