import { afterEach, describe, expect, it } from 'vitest';
import { allowedCpus, ownThreadId } from './cpu-affinity.js';
import { TasksetShell } from './taskset-shell.js';

describe.runIf(process.platform === 'linux')('TasksetShell (Linux)', () => {
  let shell: TasksetShell | undefined;
  afterEach(() => {
    shell?.close();
    shell = undefined;
  });

  it('lets a thread of this process run on the CPUs asked, and back', async () => {
    shell = TasksetShell.start();
    const own = ownThreadId() as number;
    const before = allowedCpus(own) as string;
    const first = before.split(/[-,]/)[0] as string;
    try {
      await shell.run(first, own);
      expect(allowedCpus(own)).toBe(first);
    } finally {
      await shell.run(before, own);
    }
    expect(allowedCpus(own)).toBe(before);
  });

  it("answers requests in order, each with taskset's own words when it refuses", async () => {
    shell = TasksetShell.start();
    const own = ownThreadId() as number;
    const before = allowedCpus(own) as string;
    const answers = await Promise.allSettled([
      shell.run(before, own),
      shell.run(before, 999_999_999),
      shell.run(before, own),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((answers[1] as PromiseRejectedResult).reason)).toMatch(/999999999/);
  });

  it('refuses what is not a CPU list or a thread id, before the shell sees it', async () => {
    shell = TasksetShell.start();
    await expect(shell.run('0; touch /tmp/x', 1)).rejects.toThrow('bad CPU list 0; touch /tmp/x');
    await expect(shell.run('0', -1)).rejects.toThrow('bad thread id -1');
    // The shell still answers.
    const own = ownThreadId() as number;
    await expect(shell.run(allowedCpus(own) as string, own)).resolves.toBeUndefined();
  });

  it('fails what is asked once it is closed', async () => {
    shell = TasksetShell.start();
    shell.close();
    await expect(shell.run('0', ownThreadId() as number)).rejects.toThrow(
      'the taskset shell is closed',
    );
  });
});
