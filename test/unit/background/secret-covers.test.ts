import { describe, expect, it, vi } from 'vitest';
import { coverBoxes, spanOf } from '../../../src/background/secret-covers';

vi.mock('webextension-polyfill', () => ({ default: {} }));

// Secret fields are painted over on the picture: where they were before and after the shot, in
// image pixels, never leaving a field's edge showing.

describe('spanOf', () => {
  it('grows each field to cover where it was before and after the shot', () => {
    expect(spanOf([{ left: 10, top: 100, width: 200, height: 30 }], [{ left: 10, top: 80, width: 200, height: 30 }])).toEqual([
      { left: 10, top: 80, width: 200, height: 50 },
    ]);
  });

  it('keeps every box of both answers when the fields themselves changed', () => {
    const before = [{ left: 0, top: 0, width: 10, height: 10 }];
    const after = [
      { left: 0, top: 0, width: 10, height: 10 },
      { left: 50, top: 50, width: 10, height: 10 },
    ];
    expect(spanOf(before, after)).toEqual([...before, ...after]);
  });
});

describe('coverBoxes', () => {
  it('scales to image pixels and rounds outwards', () => {
    expect(coverBoxes([{ left: 10.4, top: 20.6, width: 100.2, height: 30.1 }], { scale: 2, imageWidth: 2560, imageHeight: 1600 })).toEqual([
      { x: 20, y: 41, width: 202, height: 61 },
    ]);
  });

  it('moves by the page scroll for a whole-page picture and cuts to the picture', () => {
    const boxes = coverBoxes([{ left: -5, top: 100, width: 50, height: 40 }], { scale: 1, offsetY: 2000, imageWidth: 1280, imageHeight: 2120 });
    expect(boxes).toEqual([{ x: 0, y: 2100, width: 45, height: 20 }]);
  });

  it('drops boxes outside the picture, of no size, or not numbers', () => {
    const rects = [
      { left: 0, top: 900, width: 100, height: 30 },
      { left: 10, top: 10, width: 0, height: 30 },
      { left: Number.NaN, top: 10, width: 10, height: 10 },
    ];
    expect(coverBoxes(rects, { scale: 1, imageWidth: 1280, imageHeight: 800 })).toEqual([]);
  });
});
