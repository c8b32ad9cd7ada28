import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { TasksetRunner } from './taskset-shell.js';

/**
 * Where the server's thread and PGlite's thread run (Linux). They hand every statement to each
 * other, and on the 2-vCPU VMs this was measured on, a hand-off to the other core costs as much as
 * the work: the core that wakes has been idle, its caches cold. PGlite with its thread on the
 * caller's core ran the same statement in 0.38–0.48 ms a call, on another core in 0.90–0.96 (a
 * 3 kB update, 2026-12-03); the server on PGlite used about half the CPU per message with both
 * threads on one core. The thread still keeps the event loop free during a long statement: the
 * kernel shares the core between them.
 */

/** The calling thread's id (`/proc/thread-self`), or null where there is no procfs. */
export function ownThreadId(): number | null {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return null;
  }
}

/** The CPU a thread last ran on, from its `stat` (field 39, counted after the command's `)`). */
export function lastCpuOf(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the command start at the third (state): the 39th is at index 36.
  const cpu = Number(fields[36]);
  return Number.isInteger(cpu) ? cpu : null;
}

/** The CPUs a thread of this process may run on, as `Cpus_allowed_list` gives them (`0-1`, `3`). */
export function allowedCpus(threadId: number): string | null {
  try {
    const status = readFileSync(`/proc/self/task/${threadId}/status`, 'utf8');
    return /^Cpus_allowed_list:\s*(\S+)$/m.exec(status)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Where the threads were put: the CPU they share (and what lets them run where they could before),
 * or why they were left where they were.
 */
export type Placement = { cpu: number; undo: () => Promise<void> } | { reason: string };

/**
 * Puts the calling thread and `others` (threads of this process) on the CPU the calling thread
 * last ran on, through `run` ({@link TasksetShell}). Threads the caller starts later inherit it,
 * and `undo` lets them run where the caller could before, as it does the ones it moved.
 * Nothing is changed when a step fails: no procfs, no `taskset`, or a thread that would not move
 * (the ones already moved go back).
 */
export async function shareCpu(
  others: ReadonlyArray<number | null>,
  run: TasksetRunner,
): Promise<Placement> {
  const own = ownThreadId();
  if (own === null) return { reason: 'no /proc/thread-self (not Linux)' };
  const known = others.filter((id): id is number => id !== null);
  if (known.length !== others.length) return { reason: 'a thread without a known id' };
  let cpu: number | null;
  try {
    cpu = lastCpuOf(readFileSync(`/proc/self/task/${own}/stat`, 'utf8'));
  } catch {
    cpu = null;
  }
  if (cpu === null) return { reason: 'the current CPU could not be read' };
  const threads = [own, ...known];
  const before = threads.map((id) => allowedCpus(id));
  const present = new Set(threadsOfProcess());
  const moved: number[] = [];
  // Back where each could run before, and the threads started meanwhile (libuv's pool, a worker),
  // which inherited the one CPU, where the caller could; a thread that will not go stays.
  const undo = async () => {
    const inherited = moved.length === threads.length ? startedOn(String(cpu), present) : [];
    const back = [
      ...moved.map((id, index) => ({ id, list: before[index] })),
      ...inherited.map((id) => ({ id, list: before[0] })),
    ];
    for (const { id, list } of back) if (list) await run(list, id).catch(() => undefined);
  };
  try {
    for (const id of threads) {
      await run(String(cpu), id);
      moved.push(id);
    }
  } catch (error) {
    await undo();
    return { reason: `taskset failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { cpu, undo };
}

/** The ids of this process's threads now (none where there is no procfs). */
function threadsOfProcess(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [];
  }
}

/** Threads not in `present` that may run on `cpus` only: started since, they inherited it. */
function startedOn(cpus: string, present: ReadonlySet<number>): number[] {
  return threadsOfProcess().filter((id) => !present.has(id) && allowedCpus(id) === cpus);
}
