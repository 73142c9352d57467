import { describe, expect, it } from 'vitest';
import { isoWithOffset } from '../../../src/evidence/iso-time';

describe('isoWithOffset', () => {
  const instant = new Date('2026-11-28T01:02:03.456Z');
  it('writes the local wall clock with its offset', () => {
    expect(isoWithOffset(instant, 480)).toBe('2026-11-28T09:02:03.456+08:00');
    expect(isoWithOffset(instant, -330)).toBe('2026-11-27T19:32:03.456-05:30');
    expect(isoWithOffset(instant, 0)).toBe('2026-11-28T01:02:03.456+00:00');
  });
  it('names the same instant it was given', () => {
    expect(Date.parse(isoWithOffset(instant, 480))).toBe(instant.getTime());
    expect(Date.parse(isoWithOffset(instant))).toBe(instant.getTime());
  });
});
