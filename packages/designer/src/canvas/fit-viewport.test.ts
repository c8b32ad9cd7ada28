import { describe, expect, it } from 'vitest';
import { fitViewport } from './fit-viewport';

describe('fit viewport', () => {
  it('shows every item with padding, never zoomed in past 100 %', () => {
    const lone = fitViewport([{ position: { x: 0, y: 0 }, width: 240, height: 60 }], {
      width: 1000,
      height: 800,
    });
    expect(lone.zoom).toBe(1);
    expect(lone.x).toBe(500 - 120);
    expect(lone.y).toBe(400 - 30);
  });

  it('zooms out to the whole flow, down to 10 %', () => {
    const wide = [
      { position: { x: 0, y: 0 }, width: 240, height: 60 },
      { position: { x: 4000, y: 500 }, width: 240, height: 60 },
    ];
    const view = fitViewport(wide, { width: 1000, height: 800 });
    expect(view.zoom).toBeGreaterThan(0.1);
    expect(view.zoom).toBeLessThan(1000 / 4240);
    expect(fitViewport([{ position: { x: 0, y: 0 }, width: 1e6, height: 10 }], wide[0]!).zoom).toBe(
      0.1,
    );
  });

  it('centres an empty flow at 100 %', () => {
    expect(fitViewport([], { width: 1000, height: 800 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
