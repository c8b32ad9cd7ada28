import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import {
  fromWireError,
  type HostOptions,
  type Reply,
  type Request,
} from './pglite-worker-protocol.js';

/** What the thread sends once PGlite is open (`pglite-worker.mjs`). */
interface Ready {
  ready: true;
  threadId: number | null;
}

type Call = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A transaction on the PGlite thread, as PGlite's `transaction()` hands its callback one. */
export interface RemoteTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/**
 * PGlite on a thread of its own, with the part of PGlite's interface drizzle and the server use
 * (`query`, `exec`, `transaction`, `listen`, `close`). PGlite runs SQL on the thread that calls it:
 * in the server's thread, every statement (3 ms for a step's at one conversation, seconds for a
 * vacuum) held up HTTP, the engine and deliveries. Here they run side by side on two cores.
 */
export class PgliteRemote {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private closed = false;
  private isClosing = false;
  private onLost!: (error: Error) => void;
  /**
   * Resolves if the database is lost: its thread stopped other than by `close()`, or PostgreSQL in it
   * panicked (every call fails from then on).
   */
  readonly lost = new Promise<Error>((resolve) => (this.onLost = resolve));

  /**
   * @param threadId The id of the thread PGlite runs on (Linux), to place it beside the server's
   *   (`cpu-affinity.ts`); null where there is no procfs.
   */
  private constructor(
    private readonly worker: Worker,
    readonly threadId: number | null,
  ) {
    worker.on('message', (reply: Reply | Ready) => {
      if ('ready' in reply) return;
      if ('notify' in reply) return this.listeners.get(reply.notify)?.(reply.payload);
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) return waiting?.resolve(reply.value);
      const error = fromWireError(reply.error);
      waiting?.reject(error);
      if (endsTheDatabase(error)) this.lose(error);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.lose(new Error(`the PGlite thread exited (code ${code})`)));
  }

  /**
   * PostgreSQL restarts itself after a PANIC (and ends the session after a FATAL); PGlite, one
   * session with no server around it, goes on in a state nothing can trust: after a WAL segment
   * it could not create, the next statement spun its thread forever. So the database is lost: every
   * call fails from here, and the thread is stopped (a restart recovers from the data directory).
   */
  private lose(error: Error): void {
    this.failAll(error);
    if (this.isClosing) return;
    this.onLost(error);
    void this.worker.terminate();
  }

  /** Starts the thread and opens the database there; resolves once it is ready. */
  static async start(options: HostOptions): Promise<PgliteRemote> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: options,
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the PGlite thread exited (code ${code})`));
      const onMessage = (message: unknown) => {
        if (!(message as Partial<Ready>).ready) return;
        worker.off('message', onMessage).off('error', reject).off('exit', onExit);
        resolve(message as Ready);
      };
      worker.on('message', onMessage).once('error', reject).once('exit', onExit);
    });
    return new PgliteRemote(worker, ready.threadId);
  }

  query<T>(
    text: string,
    params: unknown[] = [],
    options?: QueryOptions,
    tx?: number,
  ): Promise<Results<T>> {
    if (options?.serializers || options?.blob || options?.onNotice)
      throw new Error('PGlite on its own thread takes no serializers, blobs or notice callbacks');
    const parsers = options?.parsers;
    const request: Call = {
      op: 'query',
      text,
      params,
      ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
      ...(options?.paramTypes ? { paramTypes: options.paramTypes } : {}),
      ...(parsers ? { rawTypes: Object.keys(parsers).map(Number) } : {}),
      ...(tx === undefined ? {} : { tx }),
    };
    const answer = this.call<Results<T>>(request);
    return parsers ? answer.then((results) => parsed(results, parsers)) : answer;
  }

  exec(text: string, tx?: number): Promise<Results[]> {
    return this.call({ op: 'exec', text, ...(tx === undefined ? {} : { tx }) });
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: RemoteTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    let isClosed = false;
    const end = async (commit: boolean) => {
      if (isClosed) return;
      isClosed = true;
      await this.call({ op: 'end', tx: id, commit });
    };
    const tx: RemoteTransaction = {
      query: (text, params, options) => this.query(text, params, options, id),
      exec: (text) => this.exec(text, id),
      rollback: () => end(false),
      get closed() {
        return isClosed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await end(false);
      throw error;
    }
    await end(true);
    return result;
  }

  async listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<() => Promise<void>> {
    const listener = await this.call<number>({ op: 'listen', channel });
    this.listeners.set(listener, onPayload);
    return async () => {
      this.listeners.delete(listener);
      await this.call({ op: 'unlisten', listener });
    };
  }

  /** The data directory as a tarball (PGlite's `dumpDataDir`): a copy to open elsewhere. */
  async dumpDataDir(): Promise<Blob> {
    return new Blob([await this.call<ArrayBuffer>({ op: 'dump' })]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.isClosing = true;
    await this.call({ op: 'close' });
    this.closed = true;
    await this.worker.terminate();
  }

  private call<T>(request: Call): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the PGlite database is closed'));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** Whether PostgreSQL would have ended the session (FATAL) or restarted the server (PANIC). */
function endsTheDatabase(error: Error): boolean {
  const { severity } = error as { severity?: unknown };
  return severity === 'PANIC' || severity === 'FATAL';
}

/** The caller's parsers applied to the columns of their types (the host left them as text). */
function parsed<T>(results: Results<T>, parsers: NonNullable<QueryOptions['parsers']>): Results<T> {
  const columns = results.fields
    .map((field, index) => ({ field, index, parse: parsers[field.dataTypeID] }))
    .filter((column) => column.parse);
  if (columns.length === 0) return results;
  for (const row of results.rows as Array<Record<string | number, unknown>>) {
    for (const { field, index, parse } of columns) {
      const key = Array.isArray(row) ? index : field.name;
      const value = row[key];
      if (typeof value === 'string') row[key] = parse?.(value);
    }
  }
  return results;
}
