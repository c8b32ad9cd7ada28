import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used, by who used them. */
export interface CpuUse {
  server: number;
  traffic: number;
  postgres: number;
}

const ticksPerSecond = 100;

function processTicks(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th field overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        ticks += processTicks(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/**
 * Reads the CPU the bench's processes use (Linux /proc; elsewhere `undefined`): this process, the
 * traffic process, and every PostgreSQL backend on the machine (the bench's database is the only
 * busy one). Backends that exit during a round take their ticks with them: the bench's pools keep
 * theirs open.
 */
export function cpuMeter(trafficPid: number | undefined): (() => () => CpuUse) | undefined {
  try {
    readFileSync('/proc/self/stat');
  } catch {
    return undefined;
  }
  const read = (): CpuUse => ({
    server: processTicks(process.pid),
    traffic: trafficPid === undefined ? 0 : processTicks(trafficPid),
    postgres: postgresTicks(),
  });
  return () => {
    const before = read();
    return () => {
      const after = read();
      return {
        server: (after.server - before.server) / ticksPerSecond,
        traffic: (after.traffic - before.traffic) / ticksPerSecond,
        postgres: (after.postgres - before.postgres) / ticksPerSecond,
      };
    };
  };
}
