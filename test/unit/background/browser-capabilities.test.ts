import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  captureCapabilities,
  commandsApi,
  contextMenusApi,
  debuggerApi,
  downloadsApi,
  notificationButtonClicks,
  pageCaptureApi,
  windowsApi,
  type MaybeUiApis,
} from '../../../src/background/browser-capabilities';

const noop = () => undefined;

describe('browser capabilities', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('finds MHTML, debugger shots and offscreen documents in a Chromium with those permissions', () => {
    const chromium = {
      runtime: {},
      pageCapture: { saveAsMHTML: noop },
      debugger: { attach: noop, detach: noop, sendCommand: noop },
      offscreen: { createDocument: noop, closeDocument: noop },
    };
    vi.stubGlobal('chrome', chromium);
    expect(captureCapabilities()).toEqual({ mhtml: true, debuggerScreenshots: true, offscreenDocuments: true });
    expect(pageCaptureApi()).toBe(chromium.pageCapture);
    expect(debuggerApi()).toBe(chromium.debugger);
  });

  it('reports every fallback in Firefox, whose chrome namespace has none of these APIs', () => {
    vi.stubGlobal('chrome', { runtime: {}, tabs: { captureVisibleTab: noop } });
    expect(captureCapabilities()).toEqual({ mhtml: false, debuggerScreenshots: false, offscreenDocuments: false });
    expect(pageCaptureApi()).toBeNull();
    expect(debuggerApi()).toBeNull();
  });

  it('treats a half-present API (permission withheld, or a partial shim) as missing', () => {
    vi.stubGlobal('chrome', { pageCapture: {}, debugger: { attach: noop } });
    expect(captureCapabilities()).toMatchObject({ mhtml: false, debuggerScreenshots: false });
  });

  it('reports nothing where there is no extension namespace at all', () => {
    vi.stubGlobal('chrome', undefined);
    expect(captureCapabilities()).toEqual({ mhtml: false, debuggerScreenshots: false, offscreenDocuments: false });
  });
});

describe('browser UI that Android lacks', () => {
  const event = () => ({ addListener: noop, removeListener: noop, hasListener: () => false });
  const desktop = {
    contextMenus: { create: noop, removeAll: noop, onClicked: event() },
    commands: { onCommand: event() },
    windows: { get: noop },
    notifications: { onButtonClicked: event() },
  } as unknown as MaybeUiApis;
  // What Firefox for Android's `browser` has of these: notifications without buttons, nothing else.
  const firefoxAndroid = { notifications: { onClicked: event() }, tabs: {}, runtime: {} } as unknown as MaybeUiApis;

  it('hands back the APIs where a desktop browser has them', () => {
    expect(contextMenusApi(desktop)).toBe(desktop.contextMenus);
    expect(commandsApi(desktop)).toBe(desktop.commands);
    expect(windowsApi(desktop)).toBe(desktop.windows);
    expect(notificationButtonClicks(desktop)).toBe(desktop.notifications!.onButtonClicked);
  });

  it('reports each one missing on Firefox for Android instead of leaving an undefined to call', () => {
    expect(contextMenusApi(firefoxAndroid)).toBeNull();
    expect(commandsApi(firefoxAndroid)).toBeNull();
    expect(windowsApi(firefoxAndroid)).toBeNull();
    expect(notificationButtonClicks(firefoxAndroid)).toBeNull();
  });

  it('treats a namespace without the members we call as missing', () => {
    const partial = { contextMenus: { create: noop }, commands: {}, windows: { getAll: noop }, notifications: { onButtonClicked: {} } } as unknown as MaybeUiApis;
    expect([contextMenusApi(partial), commandsApi(partial), windowsApi(partial), notificationButtonClicks(partial)]).toEqual([null, null, null, null]);
  });
});

describe('the downloads API behind backups', () => {
  const event = () => ({ addListener: noop, removeListener: noop, hasListener: () => false });
  const downloads = { download: noop, search: noop, removeFile: noop, erase: noop, onChanged: event() };

  it('is handed back where the browser has it (the permission granted)', () => {
    expect(downloadsApi({ downloads } as unknown as MaybeUiApis)).toBe(downloads);
  });

  it('is missing on Firefox for Android (removed in 79) and in Chromium before the permission is granted', () => {
    expect(downloadsApi({ notifications: {} } as unknown as MaybeUiApis)).toBeNull();
    expect(downloadsApi({ downloads: { ...downloads, removeFile: undefined } } as unknown as MaybeUiApis)).toBeNull();
    expect(downloadsApi({ downloads: { ...downloads, onChanged: {} } } as unknown as MaybeUiApis)).toBeNull();
  });
});
