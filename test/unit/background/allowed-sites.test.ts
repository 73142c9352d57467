import { describe, expect, it, vi } from 'vitest';
import { allowedSitePatterns } from '../../../src/background/allowed-sites';

vi.mock('webextension-polyfill', () => ({ default: {} }));

// The reader is registered for exactly the allowed sites (and their subdomains), never for a
// denied one, and for none while automatic capture is off.

const base = { autoCapture: true, siteAllowList: [] as string[], siteDenyList: [] as string[] };

describe('allowedSitePatterns', () => {
  it('matches each allowed host and its subdomains over http and https', () => {
    expect(allowedSitePatterns({ ...base, siteAllowList: ['shop.example', '*.faka.example.'] })).toEqual({
      matches: ['*://shop.example/*', '*://*.shop.example/*', '*://faka.example/*', '*://*.faka.example/*'],
      excludeMatches: [],
    });
  });

  it('leaves out a host the deny list covers and excludes denied subdomains of an allowed one', () => {
    const patterns = allowedSitePatterns({ ...base, siteAllowList: ['a.example', 'b.example'], siteDenyList: ['b.example', 'pay.a.example'] });
    expect(patterns.matches).toEqual(['*://a.example/*', '*://*.a.example/*']);
    expect(patterns.excludeMatches).toEqual(['*://b.example/*', '*://*.b.example/*', '*://pay.a.example/*', '*://*.pay.a.example/*']);
  });

  it('turns an IDN into its punycode form and drops entries no match pattern can take', () => {
    const patterns = allowedSitePatterns({ ...base, siteAllowList: ['发卡.example', 'a b.example', 'x.example/path', 'user@x.example', ''] });
    expect(patterns.matches).toEqual(['*://xn--hlrzj.example/*', '*://*.xn--hlrzj.example/*']);
  });

  it('registers nothing while automatic capture is off', () => {
    expect(allowedSitePatterns({ ...base, autoCapture: false, siteAllowList: ['shop.example'] })).toEqual({ matches: [], excludeMatches: [] });
  });
});
