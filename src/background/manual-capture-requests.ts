import type { Message, SubmitSnapshotResponse } from '../messages/message-map';
import { senderKind, type OwnIdentity, type SenderFacts } from './sender-check';

// 'capture:manual' from the popup's 保存当前页为证据 button. Only this extension's own pages may
// ask: a content script asking would let a page make the worker capture other tabs.

export function handleManualCaptureMessage(
  message: unknown,
  sender: SenderFacts,
  own: OwnIdentity,
  captureTab: (tabId: number) => Promise<SubmitSnapshotResponse>,
): Promise<SubmitSnapshotResponse> | undefined {
  if ((message as Partial<Message> | null)?.type !== 'capture:manual') return undefined;
  const kind = senderKind(sender, own);
  if (kind === 'stranger') return undefined;
  if (kind !== 'extension-page') return Promise.resolve({ ok: false, error: `capture:manual is not answered for a ${kind}` });
  const tabId = (message as Message<'capture:manual'>).tabId;
  if (!Number.isSafeInteger(tabId) || tabId < 0) return Promise.resolve({ ok: false, error: 'malformed manual capture request' });
  return captureTab(tabId).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
}
