import type { MessagePort } from 'node:worker_threads';
import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { ownThreadId } from './cpu-affinity.js';
import { preparePglite } from './pglite-prepared.js';
import {
  toWireError,
  type HostOptions,
  type Reply,
  type Request,
} from './pglite-worker-protocol.js';

/** A transaction the other side holds open: its statements, and how it ends. */
interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  ended: Promise<void>;
}

/**
 * The PGlite thread's side: opens the database (statements prepared, `pglite-prepared.ts`) and
 * answers the server thread's requests in the order they come. PGlite's own locks order them as
 * in one thread: a statement waits for an open transaction to end. Resolves with this thread's id
 * (null without procfs), for the server to place it (`cpu-affinity.ts`).
 */
export async function hostPglite(port: MessagePort, options: HostOptions): Promise<number | null> {
  const client = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  preparePglite(client);
  const transactions = new Map<number, OpenTransaction>();
  const listeners = new Map<number, () => Promise<void>>();
  let nextId = 0;
  const send = (reply: Reply) => port.postMessage(reply);

  const handle = async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case 'query': {
        const options: QueryOptions = {};
        if (request.rowMode) options.rowMode = request.rowMode;
        if (request.paramTypes) options.paramTypes = request.paramTypes;
        if (request.rawTypes)
          options.parsers = Object.fromEntries(request.rawTypes.map((t) => [t, (v: string) => v]));
        const target = request.tx === undefined ? client : transactionOf(request.tx).tx;
        return target.query(request.text, request.params, options);
      }
      case 'exec': {
        const target = request.tx === undefined ? client : transactionOf(request.tx).tx;
        return target.exec(request.text);
      }
      case 'begin':
        return begin();
      case 'end': {
        const open = transactionOf(request.tx);
        transactions.delete(request.tx);
        open.end(request.commit);
        await open.ended;
        return null;
      }
      case 'listen': {
        const listener = ++nextId;
        listeners.set(
          listener,
          await client.listen(request.channel, (payload) => send({ notify: listener, payload })),
        );
        return listener;
      }
      case 'unlisten': {
        const unlisten = listeners.get(request.listener);
        listeners.delete(request.listener);
        await unlisten?.();
        return null;
      }
      case 'dump':
        return (await client.dumpDataDir('none')).arrayBuffer();
      case 'close':
        await client.close();
        return null;
    }
  };

  function transactionOf(id: number): OpenTransaction {
    const open = transactions.get(id);
    if (!open) throw new Error(`transaction ${id} is not open (it ended or never began)`);
    return open;
  }

  /** Opens a transaction under PGlite's lock; answers its id once it holds it. */
  function begin(): Promise<number> {
    const id = ++nextId;
    return new Promise<number>((resolve, reject) => {
      let end!: (commit: boolean) => void;
      const decided = new Promise<boolean>((settle) => (end = settle));
      const open: Partial<OpenTransaction> & Pick<OpenTransaction, 'end'> = { end };
      open.ended = client
        .transaction(async (tx) => {
          open.tx = tx;
          transactions.set(id, open as OpenTransaction);
          resolve(id);
          if (!(await decided)) await tx.rollback();
        })
        .then(() => undefined);
      open.ended.catch(reject);
    });
  }

  const answer = (id: number, value: unknown) => {
    try {
      if (value instanceof ArrayBuffer) port.postMessage({ id, ok: true, value }, [value]);
      else send({ id, ok: true, value: value as never });
    } catch (error) {
      // A value that cannot be cloned (none of PGlite's types should be): an error, not a hang.
      send({ id, ok: false, error: toWireError(error) });
    }
  };
  port.on('message', (request: Request) => {
    handle(request).then(
      (value) => answer(request.id, value),
      (error: unknown) => send({ id: request.id, ok: false, error: toWireError(error) }),
    );
  });
  return ownThreadId();
}
