import { describe, expect, it } from 'vitest';
import { stitchPlan } from '../../../src/background/stitch-plan';

describe('stitchPlan', () => {
  it('one tile when the page fits the viewport', () => {
    expect(stitchPlan(600, 800, 16_000)).toEqual({ offsets: [0], height: 800, truncated: false });
  });
  it('aligns the last tile to the bottom of the page', () => {
    expect(stitchPlan(2_000, 800, 16_000)).toEqual({ offsets: [0, 800, 1_200], height: 2_000, truncated: false });
  });
  it('exact multiples need no overlap', () => {
    expect(stitchPlan(1_600, 800, 16_000)).toEqual({ offsets: [0, 800], height: 1_600, truncated: false });
  });
  it('cuts very long pages and says so', () => {
    const plan = stitchPlan(100_000, 800, 4_000);
    expect(plan).toMatchObject({ height: 4_000, truncated: true });
    expect(plan.offsets).toEqual([0, 800, 1_600, 2_400, 3_200]);
  });
});
