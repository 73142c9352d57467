import { describe, expect, it } from 'vitest';
import { formatBytes, readStorageUse } from '../../../src/shared/storage-use';
import { parseStoreHealth } from '../../../src/shared/store-health';

describe('storage use', () => {
  it('reads used and free bytes from the storage estimate', async () => {
    expect(await readStorageUse({ estimate: async () => ({ usage: 3_000, quota: 10_000 }) })).toEqual({ usedBytes: 3_000, freeBytes: 7_000 });
    expect(await readStorageUse({ estimate: async () => ({ usage: 3_000 }) })).toEqual({ usedBytes: 3_000, freeBytes: null });
    expect(await readStorageUse({ estimate: () => Promise.reject(new Error('no')) })).toBeNull();
    expect(await readStorageUse(undefined)).toBeNull();
  });

  it('formats sizes the way a person reads them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1_536)).toBe('1.5 KB');
    expect(formatBytes(52 * 1024 * 1024)).toBe('52 MB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GB');
  });
});

describe('stored store health', () => {
  it('accepts only well-formed states', () => {
    expect(parseStoreHealth({ ok: false, code: 'quota_exceeded', detail: 'full', at: 'x' })).toEqual({ ok: false, code: 'quota_exceeded', detail: 'full', at: 'x' });
    expect(parseStoreHealth({ ok: true, at: 'x' })).toEqual({ ok: true, at: 'x' });
    expect(parseStoreHealth({ ok: false, code: 'other', at: 'x' })).toBeNull();
    expect(parseStoreHealth('full')).toBeNull();
  });
});
