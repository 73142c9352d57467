// Which browser made the capture, for the record's `environment.browser`. Chromium browsers report
// brands (User-Agent Client Hints) that name Chrome, Edge, Opera …; the UA string is the fallback
// (and the only source in Firefox, whose runtime.getBrowserInfo is preferred by the caller).

export interface BrowserIdentity {
  name: string;
  version: string;
}

export interface BrandVersion {
  brand: string;
  version: string;
}

const PREFERRED_BRANDS = ['Microsoft Edge', 'Opera', 'Brave', 'Google Chrome', 'Yandex', 'Chromium'];

export function browserFromBrands(brands: readonly BrandVersion[]): BrowserIdentity | null {
  for (const name of PREFERRED_BRANDS) {
    const found = brands.find((entry) => entry.brand === name);
    if (found) return { name, version: found.version };
  }
  const real = brands.find((entry) => !/not.?a.?brand/i.test(entry.brand));
  return real ? { name: real.brand, version: real.version } : null;
}

const UA_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['Microsoft Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\bOPR\/([\d.]+)/],
  ['Firefox', /\bFirefox\/([\d.]+)/],
  ['Chromium', /\bChromium\/([\d.]+)/],
  ['Google Chrome', /\bChrome\/([\d.]+)/],
  ['Safari', /\bVersion\/([\d.]+).*\bSafari\//],
];

export function browserFromUserAgent(userAgent: string): BrowserIdentity | null {
  for (const [name, pattern] of UA_PATTERNS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { name, version };
  }
  return null;
}
