import { shareCpu, type Placement } from './cpu-affinity.js';
import { TasksetShell, type TasksetRunner } from './taskset-shell.js';

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
 * returns how to undo it ({@link shareCpu}). Starts together. A move runs while the event loop
 * goes on (looks meanwhile are skipped). If gathering fails, the threads stay where they were and
 * the controller stops.
 */
export class AdaptivePlacement {
  /** What lets the threads run where they could before; set while they share a CPU. */
  private undo: (() => Promise<void>) | null = null;
  /** Quiet looks in a row while apart. */
  private quiet = 0;
  private last: StepLoad;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private moving: Promise<void> | null = null;

  private constructor(
    private readonly gather: () => Promise<Placement>,
    private readonly readLoad: () => StepLoad,
    private readonly options: AdaptiveOptions,
    private readonly onMove: (move: PlacementMove) => void,
  ) {
    this.last = readLoad();
  }

  /** Gathers the threads and starts watching; the reason instead if they could not be gathered. */
  static async start(
    gather: () => Promise<Placement>,
    readLoad: () => StepLoad,
    options: Partial<AdaptiveOptions> = {},
    onMove: (move: PlacementMove) => void = () => undefined,
  ): Promise<{ placement: AdaptivePlacement; cpu: number } | { reason: string }> {
    const controller = new AdaptivePlacement(
      gather,
      readLoad,
      { ...adaptiveDefaults, ...options },
      onMove,
    );
    const placed = await controller.moveTogether();
    if ('reason' in placed) return placed;
    // A look that fails (procfs gone, say) ends the watching, never the process.
    const look = () => void controller.look().catch(() => controller.halt());
    controller.timer = setInterval(look, controller.options.intervalMs);
    controller.timer.unref();
    return { placement: controller, cpu: placed.cpu };
  }

  /** Whether the threads share one CPU now. */
  get together(): boolean {
    return this.undo !== null;
  }

  /** One look at the load since the last, and the move it calls for, if any (the timer calls it). */
  async look(): Promise<void> {
    if (this.stopped || this.moving) return;
    const load = this.readLoad();
    const steps = load.steps - this.last.steps;
    const statements = load.statements - this.last.statements;
    this.last = load;
    const next = nextPlacement(
      { together: this.together, quiet: this.quiet },
      steps,
      statements,
      this.options,
    );
    this.quiet = next.quiet;
    if (next.together === this.together) return;
    this.moving = next.together ? this.gatherAgain() : this.spread();
    await this.moving;
    this.moving = null;
  }

  /** Stops watching and lets the threads run where they could before. */
  async stop(): Promise<void> {
    this.halt();
    await this.moving;
    await this.moveApart();
  }

  private halt(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async gatherAgain(): Promise<void> {
    const placed = await this.moveTogether();
    // Nothing moved (shareCpu put back what it had): stay apart, and stop trying.
    if ('reason' in placed) this.halt();
    else this.onMove({ together: true, cpu: placed.cpu });
  }

  private async spread(): Promise<void> {
    await this.moveApart();
    this.onMove({ together: false });
  }

  private async moveTogether(): Promise<Placement> {
    const placed = await this.gather();
    if ('cpu' in placed) this.undo = placed.undo;
    return placed;
  }

  private async moveApart(): Promise<void> {
    const undo = this.undo;
    this.undo = null;
    await undo?.();
  }
}

/** `PGLITE_CPU`: how PGlite's thread is placed (see the config). */
export type PgliteCpu = 'adaptive' | 'shared' | 'any';

/** What placing PGlite's thread did: a line for the log, and what ends it (threads put back). */
export interface PgliteCpuOutcome {
  said: { level: 'info' | 'warn'; message: string; detail: Record<string, unknown> } | null;
  stop: () => Promise<void>;
}

/**
 * Places PGlite's thread as `mode` says: `shared` on the caller's CPU for good ({@link shareCpu}),
 * `adaptive` there while statements are small ({@link AdaptivePlacement}), `any` nowhere in
 * particular. Nothing on PostgreSQL. `taskset` runs in a {@link TasksetShell} of its own, unless
 * `run` is given.
 */
export async function placePgliteCpu(
  mode: PgliteCpu,
  database: { kind: 'pglite' | 'postgres'; threadId?: number | null },
  readLoad: () => StepLoad,
  options: { onMove?: (move: PlacementMove) => void; run?: TasksetRunner } = {},
): Promise<PgliteCpuOutcome> {
  if (mode === 'any' || database.kind !== 'pglite')
    return { said: null, stop: () => Promise.resolve() };
  const shell = options.run ? null : TasksetShell.start();
  const run = options.run ?? (shell as TasksetShell).run;
  const gather = () => shareCpu([database.threadId ?? null], run);
  const shares = (message: string, cpu: number, end: () => Promise<void>): PgliteCpuOutcome => ({
    said: { level: 'info', message, detail: { cpu } },
    stop: async () => {
      await end();
      shell?.close();
    },
  });
  const left = (reason: string): PgliteCpuOutcome => {
    shell?.close();
    return {
      said: { level: 'warn', message: 'PGlite thread left on any CPU', detail: { reason } },
      stop: () => Promise.resolve(),
    };
  };
  if (mode === 'shared') {
    const placed = await gather();
    if ('reason' in placed) return left(placed.reason);
    return shares('PGlite and the server share a CPU', placed.cpu, placed.undo);
  }
  const started = await AdaptivePlacement.start(gather, readLoad, {}, options.onMove);
  if ('reason' in started) return left(started.reason);
  return shares('PGlite and the server share a CPU while statements are small', started.cpu, () =>
    started.placement.stop(),
  );
}
