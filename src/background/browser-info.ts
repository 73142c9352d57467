import browser from 'webextension-polyfill';
import { browserFromBrands, browserFromUserAgent, type BrandVersion, type BrowserIdentity } from '../evidence/browser-identity';

// Asks the browser who it is, once per worker life: Firefox's runtime.getBrowserInfo, Chromium's
// full version list from User-Agent Client Hints, else the UA string.

interface UaData {
  brands?: BrandVersion[];
  getHighEntropyValues?: (hints: string[]) => Promise<{ fullVersionList?: BrandVersion[] }>;
}

let cached: Promise<BrowserIdentity | null> | null = null;

export function browserInfo(): Promise<BrowserIdentity | null> {
  cached ??= lookUp().catch(() => browserFromUserAgent(navigator.userAgent));
  return cached;
}

async function lookUp(): Promise<BrowserIdentity | null> {
  const runtime = browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (typeof runtime.getBrowserInfo === 'function') {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version };
  }
  const uaData = (navigator as { userAgentData?: UaData }).userAgentData;
  if (uaData?.getHighEntropyValues) {
    const { fullVersionList } = await uaData.getHighEntropyValues(['fullVersionList']);
    const found = fullVersionList && browserFromBrands(fullVersionList);
    if (found) return found;
  }
  return (uaData?.brands && browserFromBrands(uaData.brands)) || browserFromUserAgent(navigator.userAgent);
}
