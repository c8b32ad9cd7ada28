/** Summary of requestAnimationFrame deltas (ms). */
export interface FrameStats {
  frames: number;
  mean: number;
  p95: number;
  max: number;
  /** Frames per second from the mean delta. */
  fps: number;
}

/** Mean, 95th percentile and max of frame deltas; fps from the mean. */
export function frameStats(deltas: readonly number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
  return {
    frames: sorted.length,
    mean,
    p95,
    max: sorted.at(-1) ?? 0,
    fps: mean > 0 ? 1000 / mean : 0,
  };
}
