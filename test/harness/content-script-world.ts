import type { BrowserContext, CDPSession, Page } from 'playwright-core';

// Drives our content script's own isolated world (the world a compromised or buggy content script
// would speak from) through CDP: messages sent from here carry the real sender the browser stamps
// on a content script — its tab, its frame, its page URL — so the worker's sender checks are real.

export interface ContentScriptWorld {
  cdp: CDPSession;
  /** Evaluates in the extension's isolated world of the page's current document. */
  evaluate<T>(expression: string): Promise<T>;
  /** Evaluates in the page's own (main) world. */
  evaluateInPage<T>(expression: string): Promise<T>;
}

export type SubmitOutcome = { reply: Record<string, unknown> | null } | { error: string };

export async function attachContentScriptWorld(context: BrowserContext, page: Page): Promise<ContentScriptWorld> {
  const cdp = await context.newCDPSession(page);
  const ours = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.origin.startsWith('chrome-extension://') && created.auxData?.type === 'isolated') {
      ours.set(created.id, String(created.auxData.frameId));
    }
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => ours.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => ours.clear());
  await cdp.send('Runtime.enable');
  await cdp.send('ServiceWorker.enable');
  const mainFrameId = async () => (await cdp.send('Page.getFrameTree')).frameTree.frame.id;

  const contextId = async (): Promise<number> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const frame = await mainFrameId();
      const found = [...ours].filter(([, frameId]) => frameId === frame).map(([id]) => id).at(-1);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('the content script world never appeared');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const run = async <T>(expression: string, id?: number): Promise<T> => {
    const result = await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      ...(id === undefined ? {} : { contextId: id }),
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  };
  return {
    cdp,
    evaluate: async (expression) => run(expression, await contextId()),
    evaluateInPage: (expression) => run(expression),
  };
}

/** A capture request exactly as our content script would send it, for this document. */
export function submitExpression(key: string, docToken: string, label: string): string {
  return `(() => {
    const snapshot = {
      url: location.href, title: document.title, lang: 'zh-CN', seenAt: new Date().toISOString(), truncated: false,
      viewport: { width: innerWidth, height: innerHeight, devicePixelRatio },
      blocks: [
        { text: '支付网关异常！', tag: 'h5', hints: ['alert'] },
        { text: ${JSON.stringify(label)}, tag: 'p', hints: [] },
      ],
    };
    return chrome.runtime.sendMessage({ type: 'capture:submit', key: ${JSON.stringify(key)}, docToken: ${JSON.stringify(docToken)}, snapshot })
      .then((reply) => ({ reply: reply ?? null }), (error) => ({ error: String(error && error.message || error) }));
  })()`;
}

/**
 * Sends until the worker answers, with the SAME key each time, as the content script does
 * (submit-with-retry.ts). Returns the answer and how many sends it took.
 */
export async function submitUntilAnswered(
  world: ContentScriptWorld,
  key: string,
  docToken: string,
  label: string,
  maxAttempts = 10,
): Promise<{ reply: Record<string, unknown> | null; attempts: number; lastError?: string }> {
  let lastError: string | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const outcome = await world.evaluate<SubmitOutcome>(submitExpression(key, docToken, label)).catch((error: Error) => ({ error: error.message }));
    if ('reply' in outcome && outcome.reply) return { reply: outcome.reply, attempts: attempt };
    lastError = 'error' in outcome ? outcome.error : 'no reply';
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 150 * 2 ** (attempt - 1))));
  }
  return { reply: null, attempts: maxAttempts, lastError };
}

export async function stopServiceWorkers(world: ContentScriptWorld): Promise<void> {
  await world.cdp.send('ServiceWorker.stopAllWorkers');
}
