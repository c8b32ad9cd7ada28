import {
  parse,
  protocol,
  type PGlite,
  type QueryOptions,
  type Results,
} from '@electric-sql/pglite';
import { LruMap } from '../lru-map.js';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

/** A statement prepared under a name, with its parameters' types as the server described them. */
interface Prepared {
  name: string;
  types: number[];
}

/**
 * Named prepared statements for PGlite, as postgres.js keeps them on PostgreSQL. PGlite's `query()`
 * parses, analyzes and plans its statement again on every call (an unnamed statement each time):
 * the step statement, a dozen CTEs, took 6.9 ms a call at one conversation, 3.0 ms prepared (its
 * generic plan; a custom plan per call made it 6.0 ms). Here each text is parsed once under a name,
 * and a call is bind, describe, execute, sync: the same messages `query()` sends after its parse,
 * under the same two locks (no statement between another's messages, none inside a transaction
 * another caller holds), with the same parameter serializers and result parsers, and the same
 * write to the file system after it. Statements inside `transaction()` keep PGlite's own path.
 * At most `limit` texts stay prepared; the least recently used is closed past that.
 */
export function preparePglite(client: PGlite, limit = 500): void {
  const statements = new LruMap<string, Prepared>(limit);
  let counter = 0;
  const unprepared = client.query.bind(client);
  const stream = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });

  async function prepare(text: string): Promise<Prepared> {
    const known = statements.get(text);
    if (known) return known;
    const name = `af_${++counter}`;
    await stream(protocol.serialize.parse({ name, text }));
    const described = await stream(protocol.serialize.describe({ type: 'S', name }));
    const parameters = described.find((m) => m.name === 'parameterDescription') as
      { dataTypeIDs: number[] } | undefined;
    const prepared = { name, types: parameters?.dataTypeIDs ?? [] };
    const dropped = statements.set(text, prepared);
    if (dropped) await stream(protocol.serialize.close({ type: 'S', name: dropped[1].name }));
    return prepared;
  }

  /** Forgets a prepared text (closing its statement), so the next call parses it again. */
  async function forget(text: string): Promise<void> {
    const known = statements.get(text);
    if (!known) return;
    statements.delete(text);
    await stream(protocol.serialize.close({ type: 'S', name: known.name }));
    await stream(protocol.serialize.sync());
  }

  async function run(text: string, params: unknown[], options?: QueryOptions): Promise<Results> {
    try {
      return await runPrepared(text, params, options);
    } catch (error) {
      // A table it reads changed shape (a migration): PostgreSQL refuses the cached plan once.
      if (!isChangedResultType(error)) throw error;
      await forget(text);
      return await runPrepared(text, params, options);
    }
  }

  async function runPrepared(text: string, params: unknown[], options?: QueryOptions) {
    const messages: BackendMessage[] = [];
    try {
      const { name, types } = await prepare(text);
      const values = params.map((value, index) => {
        if (value === null || value === undefined) return null;
        const type = types[index] ?? 0;
        const serializer = options?.serializers?.[type] ?? client.serializers[type];
        if (serializer) return serializer(value) ?? null;
        return plainText(value, index);
      });
      messages.push(
        ...(await stream(protocol.serialize.bind({ statement: name, values }))),
        ...(await stream(protocol.serialize.describe({ type: 'P' }))),
        ...(await stream(protocol.serialize.execute({}))),
      );
    } catch (error) {
      // As `query()` reports a failed statement: with its text and parameters.
      if (error instanceof Error && 'code' in error)
        Object.assign(error, { query: text, params, queryOptions: options });
      throw error;
    } finally {
      messages.push(...(await stream(protocol.serialize.sync())));
    }
    await client.syncToFs();
    const [results] = parse.parseResults(messages, client.parsers, options);
    if (!results) throw new Error(`PGlite answered nothing to a statement: ${text.slice(0, 80)}`);
    return results;
  }

  client.query = async <T>(
    text: string,
    params: unknown[] = [],
    options?: QueryOptions,
  ): Promise<Results<T>> => {
    // What the named path does not carry: types forced by the caller, blobs (COPY).
    if (options?.paramTypes || options?.blob) return unprepared<T>(text, params, options);
    await client._checkReady();
    return (await client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(() => run(text, params, options)),
    )) as Results<T>;
  };
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed under it. */
function isChangedResultType(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === '0A000' &&
    error.message.includes('cached plan must not change result type')
  );
}

/** A parameter of a type PGlite has no serializer for (uuid, text, …): its text, as `query()` sends it. */
function plainText(value: unknown, index: number): string | null {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? null : JSON.stringify(value);
    case 'undefined':
      return null;
    case 'function':
    case 'symbol':
      throw new TypeError(`parameter $${index + 1} is a ${typeof value}`);
  }
}
