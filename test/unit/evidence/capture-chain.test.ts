import { describe, expect, it } from 'vitest';
import { hashEntry, sealEntry } from '../../../src/evidence/capture-chain';
import { canonicalJson } from '../../../src/evidence/canonical-json';
import { sha256Hex } from '../../../src/evidence/sha256';
import { draft } from '../../helpers/evidence-builders';

describe('capture chain hashing', () => {
  it('hashes the canonical record without its own hash field', async () => {
    const unsealed = { ...draft({ id: 'a' }), files: [], prevHash: null };
    const sealed = await sealEntry(unsealed);
    expect(sealed.hash).toBe(await sha256Hex(canonicalJson(unsealed)));
    expect(await hashEntry(sealed)).toBe(sealed.hash);
  });

  it('changes when any field or the previous hash changes', async () => {
    const base = { ...draft({ id: 'a' }), files: [], prevHash: null };
    const hash = (await sealEntry(base)).hash;
    expect((await sealEntry({ ...base, message: '支付网关异常' })).hash).not.toBe(hash);
    expect((await sealEntry({ ...base, amount: 10.01 })).hash).not.toBe(hash);
    expect((await sealEntry({ ...base, prevHash: 'f'.repeat(64) })).hash).not.toBe(hash);
  });

  it('known answer: SHA-256 of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
