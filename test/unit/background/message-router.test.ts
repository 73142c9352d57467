import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter } from '../../../src/background/message-router';
import { senderKind, type SenderFacts } from '../../../src/background/sender-check';
import { snapshot } from '../../helpers/snapshot';

// Forged messages with fake senders: the router must refuse evidence operations to anyone but
// the extension's own pages, and capture requests to anyone but a content script in a web tab.

const own = { runtimeId: 'ours', origin: 'chrome-extension://ours' };
const POPUP = 'chrome-extension://ours/src/popup/index.html';

const senders: Record<string, SenderFacts> = {
  popup: { id: 'ours', url: POPUP, origin: own.origin },
  popupInTab: { id: 'ours', url: POPUP, origin: own.origin, tab: { id: 3, url: POPUP }, frameId: 0 },
  contentScript: { id: 'ours', url: 'https://shop.example/order/1', origin: 'https://shop.example', tab: { id: 7, url: 'https://shop.example/order/1' }, frameId: 0 },
  // A content script cannot change sender.url, but a compromised renderer might try: a web tab is never an extension page.
  contentScriptClaimingPopupUrl: { id: 'ours', url: POPUP, origin: own.origin, tab: { id: 7, url: 'https://shop.example/order/1' }, frameId: 0 },
  otherExtension: { id: 'theirs', url: 'chrome-extension://theirs/page.html', origin: 'chrome-extension://theirs' },
  otherExtensionNamingOurUrl: { id: 'theirs', url: POPUP },
  webPage: { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 9, url: 'https://evil.example/' } },
  ourIdWrongOrigin: { id: 'ours', url: POPUP, origin: 'https://evil.example' },
};

function setup() {
  const submit = vi.fn(async () => ({ ok: true as const, captureId: 'c', duplicate: false, screenshotError: null }));
  const deleteCapture = vi.fn(async () => ({ ok: true as const, deletionId: 'd' }));
  const gateOpen = vi.fn(async () => ({ ok: true }));
  const pageRead = vi.fn(async () => ({ ok: true as const, capture: null }));
  return { submit, deleteCapture, gateOpen, pageRead, route: createMessageRouter<SenderFacts>(own, { submit, deleteCapture, gateOpen, pageRead }) };
}

const deleteMessage = { type: 'evidence:delete', captureId: 'c1', reason: '' };
const submitMessage = { type: 'capture:submit', key: 'k', docToken: 'd', snapshot: snapshot('https://shop.example/order/1', ['支付网关异常！']) };
const readMessage = { type: 'page:read', seq: 1, docToken: 'd', links: [], snapshot: snapshot('https://shop.example/order/1', ['支付网关异常！']) };

describe('sender classification', () => {
  it.each([
    ['popup', 'extension-page'],
    ['popupInTab', 'extension-page'],
    ['contentScript', 'content-script'],
    ['contentScriptClaimingPopupUrl', 'stranger'],
    ['otherExtension', 'stranger'],
    ['otherExtensionNamingOurUrl', 'stranger'],
    ['webPage', 'stranger'],
    ['ourIdWrongOrigin', 'stranger'],
  ])('%s is a %s', (name, kind) => {
    expect(senderKind(senders[name]!, own)).toBe(kind);
  });
});

describe('message router', () => {
  it('deletes only for an extension page', async () => {
    for (const name of ['popup', 'popupInTab']) {
      const { route, deleteCapture } = setup();
      expect(await route(deleteMessage, senders[name]!)).toEqual({ ok: true, deletionId: 'd' });
      expect(deleteCapture).toHaveBeenCalledOnce();
    }
    for (const name of ['contentScript', 'contentScriptClaimingPopupUrl', 'otherExtension', 'webPage', 'ourIdWrongOrigin']) {
      const { route, deleteCapture } = setup();
      const answer = await route(deleteMessage, senders[name]!);
      expect(answer === undefined || (answer as { ok: boolean }).ok === false).toBe(true);
      expect(deleteCapture).not.toHaveBeenCalled();
    }
  });

  it('tells a content script its delete request is refused', async () => {
    const { route } = setup();
    expect(await route(deleteMessage, senders.contentScript!)).toEqual({ ok: false, error: 'evidence:delete is not answered for a content-script' });
  });

  it('takes capture requests only from a content script, never from an extension page or a stranger', async () => {
    const ok = setup();
    expect(await ok.route(submitMessage, senders.contentScript!)).toMatchObject({ ok: true });
    for (const name of ['popup', 'otherExtension', 'webPage']) {
      const { route, submit } = setup();
      const answer = await route(submitMessage, senders[name]!);
      expect(answer === undefined || (answer as { ok: boolean }).ok === false).toBe(true);
      expect(submit).not.toHaveBeenCalled();
    }
  });

  it('takes a page reading or a gate opening only from a content script', async () => {
    const ok = setup();
    expect(await ok.route(readMessage, senders.contentScript!)).toEqual({ ok: true, capture: null });
    expect(await ok.route({ type: 'page:gate-open' }, senders.contentScript!)).toEqual({ ok: true });
    expect(ok.pageRead).toHaveBeenCalledOnce();
    expect(ok.gateOpen).toHaveBeenCalledOnce();
    for (const name of ['popup', 'otherExtension', 'webPage', 'contentScriptClaimingPopupUrl']) {
      const { route, pageRead, gateOpen } = setup();
      for (const message of [readMessage, { type: 'page:gate-open' }]) {
        const answer = await route(message, senders[name]!);
        expect(answer === undefined || (answer as { ok: boolean }).ok === false).toBe(true);
      }
      expect(pageRead).not.toHaveBeenCalled();
      expect(gateOpen).not.toHaveBeenCalled();
    }
  });

  it('refuses malformed requests before any handler runs', async () => {
    const { route, submit, deleteCapture, pageRead } = setup();
    expect(await route({ type: 'evidence:delete', captureId: 42 }, senders.popup!)).toMatchObject({ ok: false });
    expect(await route({ ...submitMessage, snapshot: { url: 'javascript:alert(1)' } }, senders.contentScript!)).toMatchObject({ ok: false });
    expect(await route({ ...readMessage, docToken: '' }, senders.contentScript!)).toMatchObject({ ok: false });
    expect(await route({ ...readMessage, snapshot: { ...readMessage.snapshot, blocks: 'x' } }, senders.contentScript!)).toMatchObject({ ok: false });
    expect(submit).not.toHaveBeenCalled();
    expect(deleteCapture).not.toHaveBeenCalled();
    expect(pageRead).not.toHaveBeenCalled();
  });

  it('leaves unknown message types unanswered', () => {
    const { route } = setup();
    expect(route({ type: 'evidence:dump' }, senders.popup!)).toBeUndefined();
    expect(route(null, senders.popup!)).toBeUndefined();
  });

  it("turns an extension page's handler failure into an answer it can show", async () => {
    const { route, deleteCapture } = setup();
    deleteCapture.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    expect(await route(deleteMessage, senders.popup!)).toEqual({ ok: false, error: 'full' });
  });

  it("leaves a page's request unanswered when its handler fails on the way, so the page asks again", async () => {
    // What a worker being stopped mid-answer sees from every browser call (Chromium's words).
    const stopped = () => Promise.reject(new Error('No SW'));
    const { route, submit, pageRead, gateOpen } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      submit.mockImplementationOnce(stopped);
      pageRead.mockImplementationOnce(stopped);
      gateOpen.mockImplementationOnce(stopped);
      const route3 = () =>
        Promise.all([submitMessage, readMessage, { type: 'page:gate-open' }].map((message) => route(message, senders.contentScript!)));
      expect(await route3()).toEqual([undefined, undefined, undefined]);
      expect(warn).toHaveBeenCalledTimes(3);
      // Asked again (the same request), a worker that gets through answers.
      expect(await route3()).toEqual([
        { ok: true, captureId: 'c', duplicate: false, screenshotError: null },
        { ok: true, capture: null },
        { ok: true },
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('answers a request with its error once it failed twice in a worker that lives on: asking again would only repeat it', async () => {
    const broken = () => Promise.reject(new TypeError('a bug on this page'));
    const { route, submit, pageRead } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      submit.mockImplementation(broken);
      pageRead.mockImplementation(broken);
      const asks = [];
      for (let ask = 0; ask < 3; ask++) asks.push(await route(readMessage, senders.contentScript!));
      expect(asks).toEqual([undefined, undefined, { ok: false, error: 'a bug on this page' }]);
      // Counted per request: another reading of the page, or another capture, starts afresh.
      expect(await route({ ...readMessage, seq: 2 }, senders.contentScript!)).toBeUndefined();
      expect(await route(submitMessage, senders.contentScript!)).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(4);
    } finally {
      warn.mockRestore();
    }
  });
});
