import type {
  DeleteCaptureRequest,
  DeleteCaptureResponse,
  Message,
  MessageType,
  PageReadRequest,
  PageReadResponse,
  SubmitSnapshotRequest,
  SubmitSnapshotResponse,
} from '../messages/message-map';
import { isDeleteCaptureRequest, isPageReadRequest, isSubmitSnapshotRequest } from '../messages/validate-message';
import { senderKind, type OwnIdentity, type SenderFacts, type SenderKind } from './sender-check';

// Every message the worker answers passes here: who may send it, what shape it must have, then
// the handler. A message from the wrong kind of sender gets a refusal and touches nothing.

export interface RouteHandlers<S extends SenderFacts> {
  gateOpen: (sender: S) => Promise<{ ok: boolean }>;
  pageRead: (request: PageReadRequest, sender: S) => Promise<PageReadResponse>;
  submit: (request: SubmitSnapshotRequest, sender: S) => Promise<SubmitSnapshotResponse>;
  deleteCapture: (request: DeleteCaptureRequest) => Promise<DeleteCaptureResponse>;
}

type Refusal = { ok: false; error: string };

const ALLOWED: Partial<Record<MessageType, SenderKind>> = {
  'page:gate-open': 'content-script',
  'page:read': 'content-script',
  'capture:submit': 'content-script',
  'evidence:delete': 'extension-page',
};

export function createMessageRouter<S extends SenderFacts>(own: OwnIdentity, handlers: RouteHandlers<S>) {
  return (message: unknown, sender: S): Promise<unknown> | undefined => {
    const kind = senderKind(sender, own);
    if (kind === 'stranger') return undefined;
    const type = (message as Partial<Message> | null)?.type;
    if (typeof type !== 'string' || !(type in ALLOWED)) return undefined;
    if (ALLOWED[type as MessageType] !== kind) return refuse(`${type} is not answered for a ${kind}`);
    if (type === 'page:gate-open') return unfinishedIsUnanswered(type, handlers.gateOpen(sender));
    if (type === 'page:read') {
      if (!isPageReadRequest(message)) return refuse('malformed snapshot');
      return unfinishedIsUnanswered(type, handlers.pageRead(message, sender));
    }
    if (type === 'capture:submit') {
      if (!isSubmitSnapshotRequest(message)) return refuse('malformed snapshot');
      return unfinishedIsUnanswered(type, handlers.submit(message, sender));
    }
    if (!isDeleteCaptureRequest(message)) return refuse('malformed delete request');
    return guarded(handlers.deleteCapture(message));
  };
}

function refuse(error: string): Promise<Refusal> {
  return Promise.resolve({ ok: false, error });
}

/** An extension page shows the shopper why: the failure is its answer. */
function guarded<T>(work: Promise<T>): Promise<T | Refusal> {
  return work.catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
}

/**
 * A page takes any answer as final (submit-with-retry.ts), so a failure on the way — most often
 * the worker being stopped mid-answer, when every browser call it makes fails with "No SW" — must
 * not be one: the page gets no answer and asks again with the same key, which the next worker
 * finishes or finds done.
 */
function unfinishedIsUnanswered<T>(type: MessageType, work: Promise<T>): Promise<T | undefined> {
  return work.catch((error: unknown) => {
    console.warn(`PayWitness: ${type} not answered, the page will ask again:`, error);
    return undefined;
  });
}
