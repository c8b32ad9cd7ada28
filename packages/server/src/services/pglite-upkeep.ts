import type { Database } from '../db/database.js';

/**
 * PostgreSQL's own autovacuum rules, at its default settings. PGlite is one backend in the server's
 * process, with no daemons: nothing vacuums or analyzes it unless we do. Without it, what every
 * step leaves behind (the outbox row's sent version, the re-armed timer, the conversation's old
 * row versions) is never reclaimed, the planner never learns the tables' sizes, and transaction ids
 * are never frozen (after two billion, PostgreSQL stops taking writes to protect its data).
 */
const rules = {
  /** autovacuum_vacuum_threshold + autovacuum_vacuum_scale_factor × live rows. */
  vacuumBase: 50,
  vacuumScale: 0.2,
  /** autovacuum_vacuum_insert_threshold + autovacuum_vacuum_insert_scale_factor × live rows. */
  insertBase: 1_000,
  insertScale: 0.2,
  /** autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × live rows. */
  analyzeBase: 50,
  analyzeScale: 0.1,
  /** vacuum_freeze_table_age: past it, a vacuum freezes the whole table. */
  freezeAge: 150_000_000,
} as const;

/** What a table is due for, and why (as autovacuum would have logged it). */
export interface UpkeepTask {
  table: string;
  /** `vacuum (analyze)` when true, `analyze` alone when false. */
  vacuum: boolean;
  reason: string;
}

interface TableStats {
  table: string;
  live: number;
  dead: number;
  modified: number;
  inserted: number;
  xidAge: number;
}

/** The tables of the schema due for upkeep by autovacuum's rules, from PostgreSQL's own counters. */
export async function dueUpkeep(database: Pick<Database, 'rows'>): Promise<UpkeepTask[]> {
  const rows = await database.rows<TableStats>(
    `select s.relname as "table", s.n_live_tup::float8 as live, s.n_dead_tup::float8 as dead,
       s.n_mod_since_analyze::float8 as modified, s.n_ins_since_vacuum::float8 as inserted,
       age(c.relfrozenxid)::float8 as "xidAge"
     from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.schemaname = 'public'
     order by s.relname`,
  );
  const tasks: UpkeepTask[] = [];
  for (const row of rows) {
    const reason =
      row.xidAge > rules.freezeAge
        ? `transaction id age ${row.xidAge}`
        : row.dead > rules.vacuumBase + rules.vacuumScale * row.live
          ? `${row.dead} dead rows of ${row.live}`
          : row.inserted > rules.insertBase + rules.insertScale * row.live
            ? `${row.inserted} rows inserted since the last vacuum`
            : null;
    if (reason !== null) tasks.push({ table: row.table, vacuum: true, reason });
    else if (row.modified > rules.analyzeBase + rules.analyzeScale * row.live)
      tasks.push({
        table: row.table,
        vacuum: false,
        reason: `${row.modified} rows changed since the last analyze`,
      });
  }
  return tasks;
}

/**
 * Vacuums and analyzes the tables that are due, one statement each (PGlite runs them on its
 * thread: a round costs what autovacuum would have spent, in one go). Returns what it did.
 */
export async function runUpkeep(database: Pick<Database, 'rows'>): Promise<UpkeepTask[]> {
  const tasks = await dueUpkeep(database);
  for (const task of tasks) {
    const table = `"${task.table.replaceAll('"', '""')}"`;
    await database.rows(task.vacuum ? `vacuum (analyze) ${table}` : `analyze ${table}`);
  }
  return tasks;
}

/**
 * When PGlite's upkeep runs. It runs on PGlite's one thread, and a round over tables with a
 * history takes seconds (measured in the bench: 6 s over 10,000 conversations' rows, before
 * migration 0007 cut the analyze; every statement waiting meanwhile), so it waits for a quiet moment: once `periodMs` has passed since the last
 * round, it runs at the first look that finds no step since the previous look `quietMs` before;
 * under traffic that never pauses, `maxDeferMs` past its time it runs anyway.
 */
export class UpkeepTiming {
  private dueAt: number;
  private seen: { steps: number; at: number } | null = null;

  constructor(
    /** A count that moves with every step the process runs (its metrics' steps). */
    private readonly steps: () => number,
    private readonly now: () => number = Date.now,
    readonly periodMs = 60_000,
    readonly quietMs = 1_000,
    readonly maxDeferMs = 10 * 60_000,
  ) {
    this.dueAt = now();
  }

  /** Whether upkeep runs now; when it does, the next is due a period later. */
  take(): boolean {
    const now = this.now();
    const steps = this.steps();
    const isQuiet =
      this.seen !== null && this.seen.steps === steps && now - this.seen.at >= this.quietMs;
    if (this.seen?.steps !== steps) this.seen = { steps, at: now };
    if (now < this.dueAt || !(isQuiet || now >= this.dueAt + this.maxDeferMs)) return false;
    // What was seen stays: a count unchanged from now to the next due time is a quiet period too.
    this.dueAt = now + this.periodMs;
    return true;
  }

  /** How long until the next look. */
  waitMs(): number {
    const now = this.now();
    return now < this.dueAt ? this.dueAt - now : this.quietMs;
  }
}
