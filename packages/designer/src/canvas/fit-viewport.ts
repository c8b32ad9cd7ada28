import { getViewportForBounds, type Viewport } from '@xyflow/react';

/** How the canvas fits a flow: never past 100 % (a new flow's lone trigger would fill it). */
export const fitOptions = { minZoom: 0.1, maxZoom: 1, padding: 0.2 } as const;

/** What fitting needs of a canvas item: where it is and its size. */
export interface Placed {
  position: { x: number; y: number };
  width?: number;
  height?: number;
}

/**
 * The viewport showing every item in a pane of `size`, as React Flow's `fitView` computes it.
 * Known before the first frame (nodes come with their size): the canvas is never drawn unfitted,
 * and only the nodes in the fitted view are mounted.
 */
export function fitViewport(
  items: readonly Placed[],
  size: { width: number; height: number },
): Viewport {
  if (items.length === 0) return { x: 0, y: 0, zoom: 1 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const { position, width = 0, height = 0 } of items) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + width);
    bottom = Math.max(bottom, position.y + height);
  }
  return getViewportForBounds(
    { x: left, y: top, width: right - left, height: bottom - top },
    size.width,
    size.height,
    fitOptions.minZoom,
    fitOptions.maxZoom,
    fitOptions.padding,
  );
}
