import { afterEach, describe, expect, it } from 'vitest';
import {
  AdaptivePlacement,
  adaptiveDefaults,
  nextPlacement,
  placePgliteCpu,
  type PlacementMove,
  type StepLoad,
} from './adaptive-placement.js';
import { allowedCpus, ownThreadId, shareCpu, type Placement } from './cpu-affinity.js';
import { openDatabase, type Database } from './database.js';
import { TasksetShell, type TasksetRunner } from './taskset-shell.js';

const together = { together: true, quiet: 0 };
const apart = { together: false, quiet: 0 };

describe('nextPlacement', () => {
  it('keeps the threads together while statements carry a few steps', () => {
    expect(nextPlacement(together, 500, 500)).toEqual(together);
    expect(nextPlacement(together, 110, 10)).toEqual(together);
    expect(nextPlacement(together, 0, 0)).toEqual(together);
  });

  it('sends them apart once statements carry spreadAt steps, given enough steps to judge', () => {
    expect(adaptiveDefaults.spreadAt).toBe(12);
    expect(nextPlacement(together, 120, 10)).toEqual(apart);
    expect(nextPlacement(together, 250, 1)).toEqual(apart);
    // One statement of 15 steps is too little to say the load is high.
    expect(nextPlacement(together, 15, 1)).toEqual(together);
  });

  it('brings them together after gatherAfter quiet looks in a row, a busy look starting over', () => {
    const looks = [
      [50, 10],
      [50, 10],
      [300, 10], // busy again: the count starts over
      [50, 10],
      [0, 0], // nothing at all is quiet too
      [50, 10],
    ] as const;
    const states = looks.reduce<Array<{ together: boolean; quiet: number }>>(
      (seen, [steps, statements]) => [
        ...seen,
        nextPlacement(seen.at(-1) ?? apart, steps, statements),
      ],
      [],
    );
    expect(states.map((state) => state.quiet)).toEqual([1, 2, 0, 1, 2, 3]);
    expect(states.every((state) => !state.together)).toBe(true);
    expect(nextPlacement(states.at(-1) ?? apart, 50, 10)).toEqual(together);
    // Groups between gatherBelow and spreadAt keep either placement as it is.
    expect(nextPlacement({ together: false, quiet: 3 }, 80, 10)).toEqual(apart);
    expect(nextPlacement(together, 80, 10)).toEqual(together);
  });
});

/** A load the test moves by hand, read by the controller at each look. */
function loadOf(): { load: StepLoad; add: (steps: number, statements: number) => void } {
  const load = { steps: 0, statements: 0 };
  return {
    load,
    add: (steps, statements) => {
      load.steps += steps;
      load.statements += statements;
    },
  };
}

describe('AdaptivePlacement', () => {
  it('moves apart and back as the load says, reporting each move, and puts them back at stop', async () => {
    const calls: string[] = [];
    const gather = (): Promise<Placement> => {
      calls.push('gather');
      return Promise.resolve({ cpu: 1, undo: () => Promise.resolve(void calls.push('undo')) });
    };
    const { load, add } = loadOf();
    const moves: PlacementMove[] = [];
    const started = await AdaptivePlacement.start(
      gather,
      () => ({ ...load }),
      {},
      (move) => moves.push(move),
    );
    if ('reason' in started) throw new Error(started.reason);
    const { placement } = started;
    try {
      expect(started.cpu).toBe(1);
      expect(placement.together).toBe(true);
      add(200, 200);
      await placement.look();
      expect(placement.together).toBe(true);
      add(500, 10);
      await placement.look();
      expect(placement.together).toBe(false);
      for (let look = 0; look < adaptiveDefaults.gatherAfter; look += 1) {
        add(10, 10);
        await placement.look();
      }
      expect(placement.together).toBe(true);
      expect(moves).toEqual([{ together: false }, { together: true, cpu: 1 }]);
    } finally {
      await placement.stop();
    }
    expect(calls).toEqual(['gather', 'undo', 'gather', 'undo']);
    expect(placement.together).toBe(false);
  });

  it('says why when the threads cannot be gathered, and stops if a later gathering fails', async () => {
    expect(
      await AdaptivePlacement.start(
        () => Promise.resolve({ reason: 'no taskset' }),
        () => loadOf().load,
      ),
    ).toEqual({ reason: 'no taskset' });
    let refuse = false;
    const calls: string[] = [];
    const gather = (): Promise<Placement> => {
      calls.push('gather');
      return Promise.resolve(
        refuse
          ? { reason: 'refused' }
          : { cpu: 0, undo: () => Promise.resolve(void calls.push('undo')) },
      );
    };
    const { load, add } = loadOf();
    const started = await AdaptivePlacement.start(gather, () => ({ ...load }));
    if ('reason' in started) throw new Error(started.reason);
    add(500, 10);
    await started.placement.look();
    refuse = true;
    for (let look = 0; look < 10; look += 1) await started.placement.look();
    expect(started.placement.together).toBe(false);
    // One failed try, then no more: the controller stopped.
    expect(calls).toEqual(['gather', 'undo', 'gather']);
  });

  it('skips looks while a move is under way, and waits for it at stop', async () => {
    let finish = (): void => undefined;
    const calls: string[] = [];
    let slow = false;
    const gather = (): Promise<Placement> => {
      calls.push('gather');
      return Promise.resolve({
        cpu: 0,
        undo: () => {
          calls.push('undo');
          return slow ? new Promise<void>((resolve) => (finish = resolve)) : Promise.resolve();
        },
      });
    };
    const { load, add } = loadOf();
    const started = await AdaptivePlacement.start(gather, () => ({ ...load }));
    if ('reason' in started) throw new Error(started.reason);
    slow = true;
    add(500, 10);
    const moving = started.placement.look();
    add(500, 10);
    await started.placement.look(); // skipped: returns at once, the move still under way
    expect(calls).toEqual(['gather', 'undo']);
    const stopping = started.placement.stop();
    finish();
    await Promise.all([moving, stopping]);
    expect(calls).toEqual(['gather', 'undo']);
    expect(started.placement.together).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('adaptive placement on real threads (Linux)', () => {
  let database: Database | undefined;
  let restore: Array<[number, string]> = [];
  const shell = { current: undefined as TasksetShell | undefined };
  afterEach(async () => {
    for (const [id, cpus] of restore) await shell.current?.run(cpus, id);
    restore = [];
    shell.current?.close();
    shell.current = undefined;
    await database?.close();
    database = undefined;
  });

  it("moves PGlite's thread and the server's apart under load and together when it passes", async () => {
    database = await openDatabase({ memory: true });
    const own = ownThreadId() as number;
    const pglite = database.threadId as number;
    const before = [allowedCpus(own), allowedCpus(pglite)];
    restore = [
      [own, before[0] ?? '0'],
      [pglite, before[1] ?? '0'],
    ];
    const { load, add } = loadOf();
    const opened = database;
    const { run } = (shell.current = TasksetShell.start());
    const started = await AdaptivePlacement.start(
      () => shareCpu([opened.threadId ?? null], run),
      () => ({ ...load }),
    );
    if ('reason' in started) throw new Error(started.reason);
    const one = String(started.cpu);
    expect([allowedCpus(own), allowedCpus(pglite)]).toEqual([one, one]);
    add(1_000, 20);
    await started.placement.look();
    expect([allowedCpus(own), allowedCpus(pglite)]).toEqual(before);
    for (let look = 0; look < adaptiveDefaults.gatherAfter; look += 1) {
      add(5, 5);
      await started.placement.look();
    }
    expect(allowedCpus(pglite)).toBe(allowedCpus(own));
    expect(allowedCpus(own)).toMatch(/^\d+$/);
    await started.placement.stop();
    expect([allowedCpus(own), allowedCpus(pglite)]).toEqual(before);
    expect(await database.rows<{ n: number }>('select 2 * 3 as n')).toEqual([{ n: 6 }]);
  });
});

describe('placePgliteCpu', () => {
  const noLoad = () => ({ steps: 0, statements: 0 });
  const refusing: TasksetRunner = () => Promise.reject(new Error('taskset: not permitted'));
  const recording = (calls: Array<[string, number]>): TasksetRunner => {
    return (cpus, id) => Promise.resolve(void calls.push([cpus, id]));
  };

  it('places nothing on PostgreSQL, nor when told any', async () => {
    const calls: Array<[string, number]> = [];
    for (const mode of ['adaptive', 'shared', 'any'] as const) {
      const outcome = await placePgliteCpu(mode, { kind: 'postgres' }, noLoad, {
        run: recording(calls),
      });
      expect(outcome.said).toBeNull();
    }
    const any = await placePgliteCpu('any', { kind: 'pglite', threadId: 1 }, noLoad);
    expect(any.said).toBeNull();
    expect(calls).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'warns with the reason when taskset refuses, in either placing mode',
    async () => {
      for (const mode of ['adaptive', 'shared'] as const) {
        const outcome = await placePgliteCpu(
          mode,
          { kind: 'pglite', threadId: ownThreadId() },
          noLoad,
          { run: refusing },
        );
        expect(outcome.said).toEqual({
          level: 'warn',
          message: 'PGlite thread left on any CPU',
          detail: { reason: 'taskset failed: taskset: not permitted' },
        });
      }
    },
  );

  it.runIf(process.platform === 'linux')('says where the threads share a CPU', async () => {
    const calls: Array<[string, number]> = [];
    const own = ownThreadId() as number;
    const outcome = await placePgliteCpu('adaptive', { kind: 'pglite', threadId: own }, noLoad, {
      run: recording(calls),
    });
    await outcome.stop();
    expect(outcome.said?.message).toBe(
      'PGlite and the server share a CPU while statements are small',
    );
    const cpu = String(outcome.said?.detail['cpu']);
    const before = allowedCpus(own);
    // Both on the one CPU, then at stop both back where they could run before.
    expect(calls).toEqual([
      [cpu, own],
      [cpu, own],
      [before, own],
      [before, own],
    ]);
  });

  it.runIf(process.platform === 'linux')(
    'runs taskset in a shell of its own when none is given, and ends it at stop',
    async () => {
      const database = await openDatabase({ memory: true });
      try {
        const own = ownThreadId() as number;
        const pglite = database.threadId as number;
        const before = [allowedCpus(own), allowedCpus(pglite)];
        const outcome = await placePgliteCpu('shared', database, noLoad);
        const cpu = String(outcome.said?.detail['cpu']);
        expect(outcome.said?.message).toBe('PGlite and the server share a CPU');
        expect([allowedCpus(own), allowedCpus(pglite)]).toEqual([cpu, cpu]);
        await outcome.stop();
        expect([allowedCpus(own), allowedCpus(pglite)]).toEqual(before);
      } finally {
        await database.close();
      }
    },
  );
});
