import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * Runs `taskset` (util-linux) for this process from a shell started once. Starting `taskset`
 * from the server itself forks the server, which stops its event loop for as long as copying its
 * page tables takes: 52–64 ms a call with 2 GB resident, 15–51 ms in the e2e bench on PGlite
 * (2026-12-04), where a move happens under load. The shell is small, so its forks are cheap, and
 * a request is a line written to its stdin.
 */

// One request per line, `cpus threadId`; one answer per line, `exit-status message`.
const loop = `while read -r cpus tid; do
  out=$(taskset -p -c "$cpus" "$tid" 2>&1); code=$?
  printf '%s %s\\n' "$code" "$(printf '%s' "$out" | tr '\\n' ' ')"
done`;

/** What `taskset` is asked: let thread `threadId` of this process run on `cpus` (`0-1`, `3`). */
export type TasksetRunner = (cpus: string, threadId: number) => Promise<void>;

export class TasksetShell {
  private readonly waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private gone: Error | null = null;

  private constructor(private readonly shell: ChildProcessByStdio<Writable, Readable, null>) {
    createInterface({ input: shell.stdout }).on('line', (line) => this.answer(line));
    shell.on('error', (error) => this.end(new Error(`the taskset shell failed: ${error.message}`)));
    shell.on('exit', (code) => this.end(new Error(`the taskset shell exited (${String(code)})`)));
    shell.stdin.on('error', () => undefined);
  }

  static start(): TasksetShell {
    return new TasksetShell(spawn('sh', ['-c', loop], { stdio: ['pipe', 'pipe', 'ignore'] }));
  }

  /** {@link TasksetRunner}: rejects with taskset's words when it refuses or is missing. */
  readonly run: TasksetRunner = (cpus, threadId) => {
    if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(cpus))
      return Promise.reject(new Error(`bad CPU list ${cpus}`));
    if (!Number.isInteger(threadId) || threadId <= 0)
      return Promise.reject(new Error(`bad thread id ${threadId}`));
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.shell.stdin.write(`${cpus} ${threadId}\n`);
    });
  };

  /** Ends the shell; requests still waiting fail. */
  close(): void {
    this.end(new Error('the taskset shell is closed'));
    this.shell.stdin.end();
  }

  private answer(line: string): void {
    const next = this.waiting.shift();
    if (!next) return;
    const space = line.indexOf(' ');
    const code = line.slice(0, space);
    const message = line.slice(space + 1).trim();
    if (code === '0') next.resolve();
    else next.reject(new Error(message || `taskset exited with ${code}`));
  }

  private end(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    for (const next of this.waiting.splice(0)) next.reject(error);
  }
}
