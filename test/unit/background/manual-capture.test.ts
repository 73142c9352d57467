import { describe, expect, it, vi } from 'vitest';
import { consumeManualGrant, issueManualGrant } from '../../../src/background/manual-capture';
import {
  registerManualCaptureEntryPoints,
  SAVE_EVIDENCE_COMMAND,
  SAVE_EVIDENCE_MENU_ID,
  type EntryPointApi,
} from '../../../src/background/manual-capture-entry-points';
import { handleManualCaptureMessage } from '../../../src/background/manual-capture-requests';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const own = { runtimeId: 'ext-id', origin: 'chrome-extension://ext-id' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', origin: 'chrome-extension://ext-id' };
const contentScript = { id: 'ext-id', url: 'https://shop.test/order', frameId: 0, tab: { id: 7, url: 'https://shop.test/order' } };

describe('manual capture grants', () => {
  it('are good once, for their own tab, until they expire', () => {
    const grant = issueManualGrant(5, 1_000);
    expect(consumeManualGrant(grant, 6, 1_000)).toBe(false); // wrong tab, and now spent
    expect(consumeManualGrant(grant, 5, 1_000)).toBe(false);
    const fresh = issueManualGrant(5, 1_000);
    expect(consumeManualGrant(fresh, 5, 2_000)).toBe(true);
    expect(consumeManualGrant(fresh, 5, 2_000)).toBe(false);
    const old = issueManualGrant(5, 1_000);
    expect(consumeManualGrant(old, 5, 1_000 + 31_000)).toBe(false);
    expect(consumeManualGrant('made-up', 5)).toBe(false);
    expect(consumeManualGrant(undefined, 5)).toBe(false);
  });
});

describe("'capture:manual' requests", () => {
  it('are answered for extension pages only', async () => {
    const capture = vi.fn(async (tabId: number) => ({ ok: true as const, captureId: `c${tabId}`, duplicate: false, screenshotError: null }));
    await expect(handleManualCaptureMessage({ type: 'capture:manual', tabId: 3 }, popup, own, capture)).resolves.toMatchObject({ ok: true, captureId: 'c3' });
    await expect(handleManualCaptureMessage({ type: 'capture:manual', tabId: 3 }, contentScript, own, capture)).resolves.toMatchObject({ ok: false });
    expect(handleManualCaptureMessage({ type: 'capture:manual', tabId: 3 }, { ...popup, id: 'other' }, own, capture)).toBeUndefined();
    await expect(handleManualCaptureMessage({ type: 'capture:manual', tabId: -1 }, popup, own, capture)).resolves.toMatchObject({ ok: false });
    await expect(handleManualCaptureMessage({ type: 'capture:manual', tabId: '3' }, popup, own, capture)).resolves.toMatchObject({ ok: false });
    expect(handleManualCaptureMessage({ type: 'capture:submit' }, popup, own, capture)).toBeUndefined();
    expect(capture).toHaveBeenCalledTimes(1);
  });
});

describe('context menu and command', () => {
  function fakeApi() {
    const listeners: Record<string, (...args: never[]) => void> = {};
    const event = (name: string) => ({ addListener: (listener: (...args: never[]) => void) => void (listeners[name] = listener) });
    const create = vi.fn();
    const api = {
      runtime: { onInstalled: event('installed') },
      contextMenus: { create, removeAll: vi.fn(async () => undefined), onClicked: event('clicked') },
      commands: { onCommand: event('command') },
      tabs: { query: vi.fn(async () => [{ id: 42 }]) },
    } as unknown as EntryPointApi;
    return { api, create, listeners: listeners as Record<string, (...args: unknown[]) => void> };
  }

  it('creates the menu item on install and captures the clicked or active tab', async () => {
    const { api, create, listeners } = fakeApi();
    const capture = vi.fn(async (_tabId: number) => ({ ok: false as const, error: 'x' }));
    registerManualCaptureEntryPoints(api, () => '保存为证据', capture);
    listeners.installed!();
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: SAVE_EVIDENCE_MENU_ID, title: '保存为证据' })));
    listeners.clicked!({ menuItemId: SAVE_EVIDENCE_MENU_ID }, { id: 9 });
    listeners.clicked!({ menuItemId: 'someone-else' }, { id: 10 });
    listeners.command!(SAVE_EVIDENCE_COMMAND, { id: 11 });
    listeners.command!(SAVE_EVIDENCE_COMMAND, undefined);
    listeners.command!('other-command', { id: 12 });
    await vi.waitFor(() => expect(capture.mock.calls.map(([tabId]) => tabId)).toEqual([9, 11, 42]));
  });

  it('registers nothing for menus or commands where the browser has neither (Firefox for Android)', async () => {
    const installed = vi.fn();
    const api: EntryPointApi = {
      runtime: { onInstalled: { addListener: installed } } as unknown as EntryPointApi['runtime'],
      tabs: { query: vi.fn(async () => []) } as unknown as EntryPointApi['tabs'],
      contextMenus: null,
      commands: null,
    };
    const capture = vi.fn(async (_tabId: number) => ({ ok: false as const, error: 'x' }));
    expect(() => registerManualCaptureEntryPoints(api, () => '保存为证据', capture)).not.toThrow();
    expect(installed).not.toHaveBeenCalled();
    expect(capture).not.toHaveBeenCalled();
  });
});
