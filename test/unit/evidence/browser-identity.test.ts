import { describe, expect, it } from 'vitest';
import { browserFromBrands, browserFromUserAgent } from '../../../src/evidence/browser-identity';

describe('browser identity', () => {
  it('prefers the named brand over Chromium and ignores GREASE brands', () => {
    expect(
      browserFromBrands([
        { brand: 'Not)A;Brand', version: '99.0.0.0' },
        { brand: 'Chromium', version: '131.0.6778.85' },
        { brand: 'Microsoft Edge', version: '131.0.2903.70' },
      ]),
    ).toEqual({ name: 'Microsoft Edge', version: '131.0.2903.70' });
    expect(browserFromBrands([{ brand: 'Not_A Brand', version: '8' }, { brand: 'Chromium', version: '120' }])).toEqual({
      name: 'Chromium',
      version: '120',
    });
    expect(browserFromBrands([{ brand: 'Not_A Brand', version: '8' }])).toBeNull();
  });

  it('reads the UA string', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(browserFromUserAgent(chrome)).toEqual({ name: 'Google Chrome', version: '131.0.0.0' });
    expect(browserFromUserAgent(`${chrome} Edg/131.0.2903.70`)).toEqual({ name: 'Microsoft Edge', version: '131.0.2903.70' });
    expect(browserFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toEqual({
      name: 'Firefox',
      version: '133.0',
    });
    expect(browserFromUserAgent('curl/8')).toBeNull();
  });
});
