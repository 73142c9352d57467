import browser from 'webextension-polyfill';
import type { Message } from '../messages/message-map';
import { isSupportCaseRequest } from '../messages/validate-order-messages';
import type { OrderTrackingDeps } from './order-tracking';
import { fromExtensionPage, supportContacted, supportResolved } from './support-deadline-requests';

// Routes the order-tracking messages, each after its sender check; undefined for any other type.
export function handleOrderMessage(
  message: unknown,
  sender: browser.Runtime.MessageSender,
  deps: OrderTrackingDeps,
): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const type = (message as Partial<Message> | null)?.type;
  if (type === 'support:contacted' || type === 'support:resolved') {
    if (!fromExtensionPage(sender)) return Promise.resolve({ ok: false, error: `${type} comes only from PayWitness pages` });
    if (!isSupportCaseRequest(message)) return Promise.resolve({ ok: false, error: 'malformed case id' });
    return (type === 'support:contacted' ? supportContacted(message, deps) : supportResolved(message, deps)).catch(failure);
  }
  return undefined;
}

function failure(error: unknown): { ok: false; error: string } {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
