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

/**
 * How often one page request may fail in one worker and still go unanswered (the page asks again).
 * A worker going away fails what it holds once or twice and is gone; a request that keeps failing
 * in a worker that lives on fails for what it is, and asking again would only repeat it.
 */
const UNANSWERED_FAILURES = 2;
const MAX_FAILED_REQUESTS = 500;

export function createMessageRouter<S extends SenderFacts>(own: OwnIdentity, handlers: RouteHandlers<S>) {
  /** Page requests that failed in this worker, by what identifies a request asked again. */
  const failures = new Map<string, number>();
  /**
   * A page takes any answer as final (submit-with-retry.ts), so a failure on the way — most often
   * the worker being stopped mid-answer, when every browser call it makes fails with "No SW" — must
   * not be one: the page gets no answer and asks again with the same request, which the next worker
   * finishes or finds done. Only a request that fails again and again here gets its error.
   */
  const unfinishedIsUnanswered = <T>(type: MessageType, request: string, work: Promise<T>): Promise<T | Refusal | undefined> =>
    work.catch((error: unknown) => {
      const failed = (failures.get(request) ?? 0) + 1;
      if (failures.size >= MAX_FAILED_REQUESTS) failures.clear();
      failures.set(request, failed);
      if (failed > UNANSWERED_FAILURES) return errorAnswer(error);
      console.warn(`PayWitness: ${type} not answered, the page will ask again:`, error);
      return undefined;
    });

  return (message: unknown, sender: S): Promise<unknown> | undefined => {
    const kind = senderKind(sender, own);
    if (kind === 'stranger') return undefined;
    const type = (message as Partial<Message> | null)?.type;
    if (typeof type !== 'string' || !(type in ALLOWED)) return undefined;
    if (ALLOWED[type as MessageType] !== kind) return refuse(`${type} is not answered for a ${kind}`);
    if (type === 'page:gate-open') return unfinishedIsUnanswered(type, `gate ${sender.tab?.id} ${sender.url}`, handlers.gateOpen(sender));
    if (type === 'page:read') {
      if (!isPageReadRequest(message)) return refuse('malformed snapshot');
      return unfinishedIsUnanswered(type, `read ${message.docToken} ${message.seq}`, handlers.pageRead(message, sender));
    }
    if (type === 'capture:submit') {
      if (!isSubmitSnapshotRequest(message)) return refuse('malformed snapshot');
      return unfinishedIsUnanswered(type, `submit ${message.key}`, handlers.submit(message, sender));
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
  return work.catch(errorAnswer);
}

function errorAnswer(error: unknown): Refusal {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
