import { describe, expect, it, vi } from 'vitest';
import { debuggerShot, MAX_FULL_PAGE_HEIGHT } from '../../../src/background/full-page-screenshot';

vi.mock('webextension-polyfill', () => ({ default: {} }));

describe('full-page screenshot through chrome.debugger', () => {
  function fakeDebugger(height: number, failCapture = false) {
    const calls: Array<[string, unknown]> = [];
    const api = {
      attach: vi.fn(async () => undefined),
      detach: vi.fn(async () => undefined),
      sendCommand: vi.fn(async (_target: unknown, method: string, params?: unknown) => {
        calls.push([method, params]);
        if (method === 'Page.getLayoutMetrics') return { cssContentSize: { width: 1280, height }, contentSize: { width: 2560, height: height * 2 } };
        if (failCapture) throw new Error('capture refused');
        return { data: btoa('\x89PNG fake') };
      }),
    };
    return { api, calls };
  }

  it('captures beyond the viewport at the page size, in CSS pixels, and always detaches', async () => {
    const { api, calls } = fakeDebugger(3_000);
    const { png, cssWidth } = await debuggerShot(api as never, 7);
    expect(png.type).toBe('image/png');
    expect(cssWidth).toBe(1280);
    expect(calls[1]).toEqual([
      'Page.captureScreenshot',
      { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height: 3_000, scale: 1 } },
    ]);
    expect(api.attach).toHaveBeenCalledWith({ tabId: 7 }, '1.3');
    expect(api.detach).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('cuts very long pages and detaches even when the capture fails', async () => {
    const long = fakeDebugger(100_000);
    await debuggerShot(long.api as never, 7);
    expect((long.calls[1]![1] as { clip: { height: number } }).clip.height).toBe(MAX_FULL_PAGE_HEIGHT);
    const failing = fakeDebugger(3_000, true);
    await expect(debuggerShot(failing.api as never, 7)).rejects.toThrow('capture refused');
    expect(failing.api.detach).toHaveBeenCalled();
  });
});
