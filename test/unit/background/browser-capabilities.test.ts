import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureCapabilities, debuggerApi, pageCaptureApi } from '../../../src/background/browser-capabilities';

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
      offscreen: { createDocument: noop },
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
