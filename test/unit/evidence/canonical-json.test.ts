import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/evidence/canonical-json';

describe('canonicalJson (RFC 8785 subset)', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units, as JCS requires', () => {
    expect(canonicalJson({ 'é': 1, z: 2, A: 3, 订单: 4 })).toBe('{"A":3,"z":2,"é":1,"订单":4}');
  });

  it('serialises numbers and strings the ECMAScript way', () => {
    expect(canonicalJson([10.0, 0.1, 1e21, -0, '支付"失败"\n'])).toBe('[10,0.1,1e+21,0,"支付\\"失败\\"\\n"]');
  });

  it('omits undefined members and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});
