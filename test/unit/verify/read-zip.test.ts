import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, UnreadableBundleError } from '../../../src/verify/read-zip';
import { verifyBundle } from '../../../src/verify/verify-bundle';

/** Rewrites the "uncompressed size" of every central-directory record: what a lying zip claims. */
function lieAboutSizes(zip: Uint8Array, claimed: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, claimed, true);
  return out;
}

const refusal = (bytes: Uint8Array, limits?: Parameters<typeof readZip>[1]) => {
  try {
    readZip(bytes, limits);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableBundleError);
    return (error as Error).message;
  }
};

describe('readZip on hostile archives', () => {
  it('reads an honest zip, stored and deflated, with UTF-8 names', () => {
    const zip = zipSync({ 'a.txt': [strToU8('hello'), { level: 0 }], 'complaints/致商家客服.txt': [strToU8('您好'.repeat(500)), { level: 9 }] });
    const files = readZip(zip);
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello');
    expect(files.get('complaints/致商家客服.txt')!.length).toBe(3000);
  });

  it('stops a zip bomb that declares a small size, by counting what really inflates', () => {
    const bomb = zipSync({ 'captures/x/page.txt': [new Uint8Array(16 * 1024 * 1024), { level: 6 }] });
    expect(bomb.length).toBeLessThan(200_000);
    const lying = lieAboutSizes(bomb, 1000);
    expect(refusal(lying)).toMatch(/inflates past its declared size/);
  });

  it('refuses an entry whose declared size is over the limit before inflating it', () => {
    const zip = zipSync({ 'big.bin': [new Uint8Array(2 * 1024 * 1024), { level: 9 }] });
    expect(refusal(zip, { maxEntryBytes: 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024, maxEntries: 10 })).toMatch(/larger than allowed/);
  });

  it('refuses when the real inflated total passes the total limit even if each entry is within its own', () => {
    const zip = zipSync({ 'a.bin': [new Uint8Array(600_000), { level: 9 }], 'b.bin': [new Uint8Array(600_000), { level: 9 }] });
    expect(refusal(zip, { maxEntryBytes: 1_000_000, maxTotalBytes: 1_000_000, maxEntries: 10 })).toMatch(/more than allowed/);
  });

  it('refuses traversal, absolute, drive-letter and backslash names', () => {
    for (const name of ['../evil.txt', 'captures/../../evil', '/etc/passwd', 'C:/x.txt', 'a\\b.txt', './x']) {
      expect(refusal(zipSync({ [name]: strToU8('x') })), name).toMatch(/refused/);
    }
  });

  it('calls truncated and garbage input unreadable, never throws past verify', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{}'.repeat(1000)) });
    for (const bytes of [new Uint8Array(0), strToU8('not a zip at all'), zip.slice(0, zip.length - 30), zip.slice(20)]) {
      const result = await verifyBundle(bytes);
      expect(result.status).toBe('unreadable');
    }
    const corrupt = zip.slice();
    corrupt[40]! ^= 0xff;
    corrupt[41]! ^= 0xff;
    expect((await verifyBundle(corrupt)).status).not.toBe('intact');
  });

  it('refuses too many entries', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, strToU8('x')]));
    expect(refusal(zipSync(many), { maxEntryBytes: 100, maxTotalBytes: 1000, maxEntries: 10 })).toMatch(/too many entries/);
  });
});
