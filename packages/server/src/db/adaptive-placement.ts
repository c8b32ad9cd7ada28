import { placePglite, type Placement, type TasksetRunner } from './cpu-affinity.js';

/**
 * PGlite's thread beside the server's while statements are small, on a core of its own once they
 * back up. Together, a hand-off costs less (the core that takes it is warm: see `cpu-affinity.ts`);
 * apart, PGlite writes one group while the server reads the next requests, which is what a
 * saturated thread needs. Steps per statement say which it is: the group commit sends every step
 * that arrived while the last statement ran, so at a light load a statement carries one or a few,
 * and when PGlite is the bottleneck it carries tens (the e2e bench on PGlite, 2026-12-04: 1, 5–8
 * and 46–50 at 1, 10 and 100 conversations).
 */

/** Counters read at each look, cumulative: engine steps and step statements so far. */
export interface StepLoad {
  steps: number;
  statements: number;
}

export interface AdaptiveOptions {
  /** How often the load is read, ms. */
  intervalMs: number;
  /** Steps per statement in one look at or above which the threads go apart. */
  spreadAt: number;
  /** Steps per statement below which, `gatherAfter` looks in a row, they go together again. */
  gatherBelow: number;
  gatherAfter: number;
  /** Fewer steps than this in a look say nothing of the load (it counts as quiet). */
  minSteps: number;
}

export const adaptiveDefaults: AdaptiveOptions = {
  intervalMs: 250,
  spreadAt: 12,
  gatherBelow: 6,
  gatherAfter: 4,
  minSteps: 20,
};

/** Where the threads are, and how many quiet looks in a row there have been while apart. */
export interface PlacementState {
  together: boolean;
  quiet: number;
}

/** The next state after a look that saw `steps` steps in `statements` statements. */
export function nextPlacement(
  state: PlacementState,
  steps: number,
  statements: number,
  options: AdaptiveOptions = adaptiveDefaults,
): PlacementState {
  const perStatement = statements === 0 ? 0 : steps / statements;
  const busy = steps >= options.minSteps && perStatement >= options.spreadAt;
  const quiet = steps < options.minSteps || perStatement < options.gatherBelow;
  if (state.together) return busy ? { together: false, quiet: 0 } : state;
  if (!quiet) return { together: false, quiet: 0 };
  const looks = state.quiet + 1;
  return looks >= options.gatherAfter
    ? { together: true, quiet: 0 }
    : { together: false, quiet: looks };
}

/** A move the controller made, for the log. */
export type PlacementMove = { together: true; cpu: number } | { together: false };

/**
 * Reads the load every `intervalMs` and moves the threads: `gather` puts them on one CPU and
 * returns how to undo it ({@link shareCpu}). Starts together. If gathering fails, the threads stay
 * where they were and the controller stops, with the reason.
 */
export class AdaptivePlacement {
  private state: PlacementState = { together: false, quiet: 0 };
  private undo: (() => void) | null = null;
  private last: StepLoad;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  private constructor(
    private readonly gather: () => Placement,
    private readonly readLoad: () => StepLoad,
    private readonly options: AdaptiveOptions,
    private readonly onMove: (move: PlacementMove) => void,
  ) {
    this.last = readLoad();
  }

  /** Gathers the threads and starts watching; the reason instead if they could not be gathered. */
  static start(
    gather: () => Placement,
    readLoad: () => StepLoad,
    options: Partial<AdaptiveOptions> = {},
    onMove: (move: PlacementMove) => void = () => undefined,
  ): { placement: AdaptivePlacement; cpu: number } | { reason: string } {
    const controller = new AdaptivePlacement(
      gather,
      readLoad,
      { ...adaptiveDefaults, ...options },
      onMove,
    );
    const placed = controller.moveTogether();
    if ('reason' in placed) return placed;
    controller.timer = setInterval(() => controller.look(), controller.options.intervalMs);
    controller.timer.unref();
    return { placement: controller, cpu: placed.cpu };
  }

  /** Whether the threads share one CPU now. */
  get together(): boolean {
    return this.state.together;
  }

  /** One look at the load since the last (the timer calls it; tests too). */
  look(): void {
    if (this.stopped) return;
    const load = this.readLoad();
    const steps = load.steps - this.last.steps;
    const statements = load.statements - this.last.statements;
    this.last = load;
    const next = nextPlacement(this.state, steps, statements, this.options);
    if (next.together === this.state.together) {
      this.state = next;
      return;
    }
    if (next.together) {
      const placed = this.moveTogether();
      if ('reason' in placed) this.stop();
      else this.onMove({ together: true, cpu: placed.cpu });
    } else {
      this.moveApart();
      this.state = next;
      this.onMove({ together: false });
    }
  }

  /** Stops watching and lets the threads run where they could before. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.moveApart();
  }

  private moveTogether(): Placement {
    const placed = this.gather();
    if ('cpu' in placed) {
      this.undo = placed.undo;
      this.state = { together: true, quiet: 0 };
    }
    return placed;
  }

  private moveApart(): void {
    this.undo?.();
    this.undo = null;
    this.state = { together: false, quiet: 0 };
  }
}

/** `PGLITE_CPU`: how PGlite's thread is placed (see the config). */
export type PgliteCpu = 'adaptive' | 'shared' | 'any';

/** What placing PGlite's thread did: a line for the log, and what ends it (threads put back). */
export interface PgliteCpuOutcome {
  said: { level: 'info' | 'warn'; message: string; detail: Record<string, unknown> } | null;
  stop: () => void;
}

/**
 * Places PGlite's thread as `mode` says: `shared` on the caller's CPU for good ({@link placePglite}),
 * `adaptive` there while statements are small ({@link AdaptivePlacement}), `any` nowhere in
 * particular. Nothing on PostgreSQL.
 */
export function placePgliteCpu(
  mode: PgliteCpu,
  database: { kind: 'pglite' | 'postgres'; threadId?: number | null },
  readLoad: () => StepLoad,
  options: { onMove?: (move: PlacementMove) => void; run?: TasksetRunner } = {},
): PgliteCpuOutcome {
  if (mode === 'any' || database.kind !== 'pglite') return { said: null, stop: () => undefined };
  const gather = (): Placement => placePglite(database, options.run) ?? { reason: 'not PGlite' };
  const left = (reason: string): PgliteCpuOutcome => ({
    said: { level: 'warn', message: 'PGlite thread left on any CPU', detail: { reason } },
    stop: () => undefined,
  });
  if (mode === 'shared') {
    const placed = gather();
    if ('reason' in placed) return left(placed.reason);
    return {
      said: {
        level: 'info',
        message: 'PGlite and the server share a CPU',
        detail: { cpu: placed.cpu },
      },
      stop: placed.undo,
    };
  }
  const started = AdaptivePlacement.start(gather, readLoad, {}, options.onMove);
  if ('reason' in started) return left(started.reason);
  return {
    said: {
      level: 'info',
      message: 'PGlite and the server share a CPU while statements are small',
      detail: { cpu: started.cpu },
    },
    stop: () => started.placement.stop(),
  };
}
