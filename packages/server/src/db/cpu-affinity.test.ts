import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedCpus, lastCpuOf, ownThreadId, shareCpu } from './cpu-affinity.js';
import { openDatabase, type Database } from './database.js';
import { TasksetShell, type TasksetRunner } from './taskset-shell.js';

const linux = process.platform === 'linux';

describe('lastCpuOf', () => {
  it('reads field 39, counted after the command even when the command holds spaces and parens', () => {
    const after = Array.from({ length: 50 }, (_, index) => String(index + 3));
    after[36] = '7';
    expect(lastCpuOf(`4242 (node (x) y) ${after.join(' ')}`)).toBe(7);
    expect(lastCpuOf('4242 (node) S 1')).toBeNull();
  });
});

describe.runIf(linux)('shareCpu (Linux)', () => {
  const restore: Array<[number, string]> = [];
  let database: Database | undefined;
  let shell: TasksetShell | undefined;
  afterEach(async () => {
    // The test's thread goes back where it was, so the other tests keep both cores.
    for (const [id, list] of restore.splice(0)) await shell?.run(list, id);
    shell?.close();
    shell = undefined;
    await database?.close();
    database = undefined;
  });

  it("puts PGlite's thread and the calling one on the CPU the caller last ran on", async () => {
    database = await openDatabase({ memory: true });
    const own = ownThreadId();
    const pglite = database.threadId;
    expect(own).not.toBeNull();
    expect(typeof pglite).toBe('number');
    expect(pglite).not.toBe(own);
    expect(existsSync(`/proc/self/task/${pglite}`)).toBe(true);
    restore.push([own as number, allowedCpus(own as number) ?? '0']);
    restore.push([pglite as number, allowedCpus(pglite as number) ?? '0']);

    shell = TasksetShell.start();
    const placement = await shareCpu([pglite as number], shell.run);
    expect(placement).toHaveProperty('cpu');
    const { cpu } = placement as { cpu: number };
    expect(allowedCpus(own as number)).toBe(String(cpu));
    expect(allowedCpus(pglite as number)).toBe(String(cpu));
    // Still a working database on its thread.
    expect(await database.rows<{ n: number }>('select 1 + 1 as n')).toEqual([{ n: 2 }]);
    await (placement as { undo: () => Promise<void> }).undo();
    expect([allowedCpus(own as number), allowedCpus(pglite as number)]).toEqual(
      restore.map(([, list]) => list),
    );
  });

  it('lets threads started while the CPU was shared run where the caller could, at undo', async () => {
    const own = ownThreadId() as number;
    const before = allowedCpus(own) as string;
    restore.push([own, before]);
    const tasks = () => readdirSync('/proc/self/task').map(Number);
    const existing = new Set(tasks());
    shell = TasksetShell.start();
    const placement = await shareCpu([], shell.run);
    if ('reason' in placement) throw new Error(placement.reason);
    const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
    try {
      await once(worker, 'online');
      const started = tasks().filter((id) => !existing.has(id));
      expect(started.length).toBeGreaterThan(0);
      expect(started.map((id) => allowedCpus(id))).toContain(String(placement.cpu));
      await placement.undo();
      expect(allowedCpus(own)).toBe(before);
      const alive = started.filter((id) => allowedCpus(id) !== null);
      expect(alive.length).toBeGreaterThan(0);
      expect(new Set(alive.map((id) => allowedCpus(id)))).toEqual(new Set([before]));
    } finally {
      await worker.terminate();
    }
  });

  it('puts back the threads it moved when one refuses, and says why', async () => {
    const own = ownThreadId() as number;
    const calls: Array<[string, number]> = [];
    const run: TasksetRunner = (cpus, id) => {
      calls.push([cpus, id]);
      return id === 999999 ? Promise.reject(new Error('No such process')) : Promise.resolve();
    };
    const placement = await shareCpu([999999], run);
    expect(placement).toEqual({ reason: 'taskset failed: No such process' });
    const before = allowedCpus(own);
    expect(calls).toHaveLength(3);
    expect(calls[0]?.[1]).toBe(own);
    expect(calls[2]).toEqual([before, own]);
  });

  it('changes nothing for a thread whose id is unknown', async () => {
    const calls: unknown[] = [];
    expect(await shareCpu([null], (...args) => Promise.resolve(void calls.push(args)))).toEqual({
      reason: 'a thread without a known id',
    });
    expect(calls).toEqual([]);
  });
});
