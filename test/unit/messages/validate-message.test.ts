import { describe, expect, it } from 'vitest';
import { isSubmitSnapshotRequest } from '../../../src/messages/validate-message';
import { snapshot } from '../../helpers/snapshot';

const good = () => ({ type: 'capture:submit', key: 'doc:abc', docToken: 'doc', snapshot: snapshot('https://shop.example/x', ['支付网关异常！']) });

describe('isSubmitSnapshotRequest', () => {
  it('accepts what the content script sends', () => {
    expect(isSubmitSnapshotRequest(good())).toBe(true);
  });

  it('refuses forged or oversized shapes', () => {
    const cases: Array<(m: ReturnType<typeof good>) => unknown> = [
      (m) => ({ ...m, key: '' }),
      (m) => ({ ...m, key: 'k'.repeat(201) }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, url: 'chrome://settings' } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, url: 'javascript:alert(1)' } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, seenAt: 'yesterday' } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, blocks: [{ text: 1, tag: 'div', hints: [] }] } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, blocks: [{ text: 'x', tag: 'div', hints: ['<script>'] }] } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, blocks: [{ text: 'x'.repeat(2001), tag: 'div', hints: [] }] } }),
      (m) => ({ ...m, snapshot: { ...m.snapshot, blocks: Array.from({ length: 5001 }, () => ({ text: 'x', tag: 'div', hints: [] })) } }),
      () => null,
      () => 'capture:submit',
    ];
    for (const make of cases) expect(isSubmitSnapshotRequest(make(good()))).toBe(false);
  });
});
