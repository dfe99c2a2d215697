import { describe, expect, it } from 'vitest';
import { placeTooltip } from './tooltip-place.ts';

const viewport = { width: 1000, height: 600 };
const box = { width: 200, height: 100 };

describe('placeTooltip', () => {
  it('goes right of and just above the cursor where there is room', () => {
    expect(placeTooltip({ x: 100, y: 200 }, box, viewport)).toEqual({ x: 114, y: 190 });
  });

  it('flips left of the cursor near the viewport right edge, not at the panel edge', () => {
    // 790 + 14 + 200 = 1004 > 996: flipped to 790 - 14 - 200.
    expect(placeTooltip({ x: 790, y: 200 }, box, viewport)).toEqual({ x: 576, y: 190 });
    // Past the middle but with room: stays on the right (the box may overflow its panel).
    expect(placeTooltip({ x: 700, y: 200 }, box, viewport)).toEqual({ x: 714, y: 190 });
  });

  it('goes above the cursor near the viewport bottom', () => {
    expect(placeTooltip({ x: 100, y: 550 }, box, viewport)).toEqual({ x: 114, y: 436 });
  });

  it('stays inside the viewport on every side', () => {
    for (const x of [0, 5, 100, 500, 900, 995, 1000]) {
      for (const y of [0, 5, 300, 590, 600]) {
        const at = placeTooltip({ x, y }, box, viewport);
        expect(at.x).toBeGreaterThanOrEqual(4);
        expect(at.y).toBeGreaterThanOrEqual(4);
        expect(at.x + box.width).toBeLessThanOrEqual(996);
        expect(at.y + box.height).toBeLessThanOrEqual(596);
      }
    }
  });

  it('keeps the start of a box larger than the viewport visible', () => {
    expect(placeTooltip({ x: 50, y: 50 }, { width: 2000, height: 900 }, viewport)).toEqual({
      x: 4,
      y: 4,
    });
  });
});
