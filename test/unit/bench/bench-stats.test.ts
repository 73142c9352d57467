import { describe, expect, it } from 'vitest';
import { median, pairedComparison, percentile, signTestP } from '../../../bench/bench-stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles, whatever the input order', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('paired comparison of two builds', () => {
  it('takes the differences pair by pair, not the difference of medians', () => {
    // B is 1 ms cheaper in every round, though the rounds themselves spread widely.
    const a = [10, 30, 12, 50, 11, 20];
    const b = a.map((x) => x - 1);
    const result = pairedComparison(a, b);
    expect(result).toMatchObject({ n: 6, medianDiff: -1, q1Diff: -1, q3Diff: -1, bLess: 6, bMore: 0 });
    expect(result.medianA - result.medianB).toBe(1);
    expect(result.signP).toBeCloseTo(2 / 64, 10);
  });

  it('finds nothing in a split that chance gives, and leaves ties out of the test', () => {
    const result = pairedComparison([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
    expect(result).toMatchObject({ bLess: 2, bMore: 2 });
    expect(result.signP).toBe(1);
  });

  it('computes the exact two-sided sign test', () => {
    // 10 of 12 one way: P(X <= 2) for Binomial(12, 1/2) = (1 + 12 + 66) / 4096, doubled.
    expect(signTestP(10, 2)).toBeCloseTo((2 * 79) / 4096, 12);
    expect(signTestP(2, 10)).toBeCloseTo((2 * 79) / 4096, 12);
    expect(signTestP(0, 0)).toBe(1);
    expect(signTestP(3, 3)).toBe(1);
  });

  it('refuses samples of different lengths', () => {
    expect(() => pairedComparison([1, 2], [1])).toThrow(/differ in length/);
  });
});
