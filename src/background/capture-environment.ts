import browser from 'webextension-polyfill';
import type { CaptureEnvironment } from '../evidence/capture-entry';
import { browserInfo } from './browser-info';

type Viewport = CaptureEnvironment['viewport'];

/** What made the capture: extension version, browser, and the page's viewport as the page reported it. */
export async function captureEnvironment(viewport: Viewport): Promise<CaptureEnvironment> {
  return {
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    viewport: plausibleViewport(viewport),
    browser: await browserInfo(),
  };
}

/** The page reports its own viewport; nonsense (zero, negative, absurd sizes) is recorded as unknown. */
export function plausibleViewport(viewport: Viewport): Viewport {
  if (!viewport) return null;
  const { width, height, devicePixelRatio } = viewport;
  const sane = (n: number, max: number) => Number.isFinite(n) && n > 0 && n <= max;
  return sane(width, 100_000) && sane(height, 100_000) && sane(devicePixelRatio, 16) ? { width, height, devicePixelRatio } : null;
}
