import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import { createSimClock, type SimClock } from './clock.js';
import { FaultRules, type FaultAction } from './faults.js';
import { Journal } from './journal.js';
import { PushQueue, type PushSigner } from './pushes.js';
import { createIdSource, createRandom } from './random.js';
import { parseRequestBody, type ParsedBody } from './request-body.js';

/** How sure we are of a route's behaviour: confirmed, inferred, or assumed (channel-apis.md §0). */
export type Fidelity = 'C' | 'I' | 'A';

/** A request as a simulator route sees it. */
export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  body: ParsedBody;
}

/** What a route answers: JSON `body`, or plain `text`. */
export interface SimReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
}

/** One vendor endpoint (or actor endpoint under `/__sim/<channel>/`). */
export interface SimRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'ANY';
  /** `/api/ticket/v1/tickets/:id`; a param may follow a literal prefix (`/bot:token/:method`). */
  path: string;
  fidelity: Fidelity;
  handle(request: SimRequest): SimReply | Promise<SimReply>;
}

/** What a channel simulator gives the kit. */
export interface SimServerOptions {
  routes: SimRoute[];
  /** Actor routes, served under `/__sim/` without faults or journal. */
  actors?: SimRoute[];
  clock?: SimClock;
  seed?: number;
  /** Extra credential headers to redact in the journal. */
  redactHeaders?: string[];
  /** Credential query parameters and body fields to redact in the journal (`access_token`). */
  redactFields?: string[];
  /** Masks credentials carried in the path (Telegram's `/bot<token>/…`) before it is journaled. */
  redactPath?: (path: string) => string;
  /** How pushes (callbacks, webhooks) are signed. */
  signPush?: PushSigner;
  /** Wipes the channel's store (`POST /__sim/reset`). */
  reset(): void;
  dumpState(): unknown;
  loadState(state: unknown): void;
  /** The 404 body in the vendor's shape. */
  notFound?(request: SimRequest): SimReply;
  /** Moves the channel's own counters (update ids, message ids …) past `floor`. */
  raiseIds?(floor: number): void;
}

/** A running simulator: its URL and the control plane, also usable in-process. */
export interface SimServer {
  url: string;
  clock: SimClock;
  faults: FaultRules;
  journal: Journal;
  pushes: PushQueue;
  ids: ReturnType<typeof createIdSource>;
  random(): number;
  /**
   * Makes every id handed out from now on count from at least `floor`: a simulator restarted
   * with a fixture (a demo) then never repeats an id the system under test has already seen.
   */
  raiseIds(floor: number): void;
  close(): Promise<void>;
}

interface CompiledRoute {
  route: SimRoute;
  regex: RegExp;
  names: string[];
}

/**
 * Starts a simulator on an ephemeral loopback port (or `port`): vendor routes with fault
 * injection and a journal, and the common control plane under `/__sim` (channel-apis.md §8.1).
 */
export async function startSimServer(
  options: SimServerOptions,
  listen: { port?: number; host?: string } = {},
): Promise<SimServer> {
  const clock = options.clock ?? createSimClock();
  let random = createRandom(options.seed ?? 1);
  const ids = createIdSource();
  const faults = new FaultRules(() => random());
  const journal = new Journal(options.redactHeaders, options.redactFields);
  const pushes = new PushQueue(clock, () => random(), options.signPush);
  const routes = options.routes.map(compile);
  const actors = [...control(), ...(options.actors ?? [])].map(compile);
  const held = new Set<Socket>();
  const raiseIds = (floor: number) => {
    ids.raise(floor);
    options.raiseIds?.(floor);
  };

  function control(): SimRoute[] {
    const json = (body: unknown, status = 200): SimReply => ({ status, body });
    return [
      route('POST', '/__sim/reset', (r) => {
        const seed = z.object({ seed: z.int().optional() }).parse(r.body.value ?? {}).seed;
        random = createRandom(seed ?? options.seed ?? 1);
        faults.remove();
        journal.reset();
        pushes.reset();
        ids.reset();
        options.reset();
        return json({ ok: true });
      }),
      route('GET', '/__sim/clock', () => json({ now: new Date(clock.now()).toISOString() })),
      route('POST', '/__sim/ids', (r) => {
        const { floor } = z.object({ floor: z.int().nonnegative() }).parse(r.body.value ?? {});
        raiseIds(floor);
        return json({ floor });
      }),
      route('POST', '/__sim/clock', (r) => {
        const input = z
          .object({ set: z.iso.datetime().optional(), advanceMs: z.int().optional() })
          .parse(r.body.value ?? {});
        if (input.set) clock.set(Date.parse(input.set));
        if (input.advanceMs) clock.advance(input.advanceMs);
        return json({ now: new Date(clock.now()).toISOString() });
      }),
      route('GET', '/__sim/state', () => json(options.dumpState())),
      route('POST', '/__sim/state', (r) => {
        options.loadState(r.body.value);
        return json({ ok: true });
      }),
      route('GET', '/__sim/journal', (r) => json(journal.since(Number(r.query.get('since') ?? 0)))),
      route('GET', '/__sim/faults', () => json(faults.list())),
      route('POST', '/__sim/faults', (r) => json(faults.add(r.body.value as never), 201)),
      route('DELETE', '/__sim/faults', () => {
        faults.remove();
        return json({ ok: true });
      }),
      route('DELETE', '/__sim/faults/:id', (r) => {
        faults.remove(r.params['id']);
        return json({ ok: true });
      }),
      route('POST', '/__sim/outbound/config', (r) => json(pushes.configure(r.body.value ?? {}))),
      route('GET', '/__sim/outbound/deliveries', () => json(pushes.deliveries())),
      route('POST', '/__sim/outbound/flush', () => json({ flushed: pushes.flush() })),
    ];
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: describe(error) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const began = performance.now();
    const raw = await readAll(req);
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await parseRequestBody(raw, req.headers['content-type']);
    const request = (params: Record<string, string>): SimRequest => ({
      method,
      path: url.pathname,
      params,
      query: url.searchParams,
      headers: req.headers,
      raw,
      body,
    });

    if (url.pathname.startsWith('/__sim/')) {
      const found = find(actors, method, url.pathname);
      if (!found)
        return send(res, { status: 404, body: { error: `no ${method} ${url.pathname}` } });
      try {
        return send(res, await found.route.handle(request(found.params)));
      } catch (error) {
        const status = error instanceof z.ZodError ? 400 : 500;
        return send(res, { status, body: { error: describe(error) } });
      }
    }

    const found = find(routes, method, url.pathname);
    const fault = faults.pick({
      method,
      path: url.pathname,
      route: found?.route.path,
      rawBody: raw.toString('utf8'),
    });
    const run = async (): Promise<SimReply> =>
      found
        ? found.route.handle(request(found.params))
        : (options.notFound?.(request({})) ?? { status: 404, body: { error: 'Not Found' } });
    const reply = await applyFault(fault?.action, run, res);
    journal.record({
      at: new Date(clock.now()).toISOString(),
      method,
      path: options.redactPath?.(url.pathname) ?? url.pathname,
      query: journal.cleanFields(
        Object.fromEntries(
          [...new Set(url.searchParams.keys())].map((k) => {
            const all = url.searchParams.getAll(k);
            return [k, all.length === 1 ? (all[0] ?? '') : all];
          }),
        ),
      ),
      headers: journal.cleanHeaders(req.headers),
      body: journal.cleanFields(body.value),
      files: body.files.map(({ field, name, size }) => ({ field, name, size })),
      route: found?.route.path ?? null,
      status: reply?.status ?? null,
      latencyMs: Math.round(performance.now() - began),
      fault: fault?.id ?? null,
    });
  }

  /** Runs the route (or not) as the fault says, writes the answer, and returns what was sent. */
  async function applyFault(
    action: FaultAction | undefined,
    run: () => Promise<SimReply>,
    res: ServerResponse,
  ): Promise<SimReply | undefined> {
    const effect = async () => {
      if (action && 'applyEffect' in action && action.applyEffect) await run();
    };
    switch (action?.type) {
      case undefined: {
        const reply = await run();
        send(res, reply);
        return reply;
      }
      case 'delay': {
        await new Promise((resolve) => setTimeout(resolve, action.ms));
        const reply = await run();
        send(res, reply);
        return reply;
      }
      case 'status': {
        await effect();
        const reply = { status: action.status, headers: action.headers ?? {}, body: action.body };
        send(res, reply);
        return reply;
      }
      case 'timeout':
        await effect();
        held.add(res.socket as Socket);
        res.socket?.once('close', () => held.delete(res.socket as Socket));
        return undefined;
      case 'reset':
        await effect();
        res.socket?.destroy();
        return undefined;
      case 'malformed':
        await effect();
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"success": tr');
        return { status: 200 };
      case 'empty':
        await effect();
        res.writeHead(200, { 'content-type': 'application/json' }).end();
        return { status: 200 };
      case 'slowBody': {
        const reply = await run();
        const bytes = Buffer.from(JSON.stringify(reply.body ?? null));
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        const perTick = Math.max(1, Math.floor((action.bytesPerSecond ?? 20) / 10));
        for (let i = 0; i < bytes.length && !res.destroyed; i += perTick) {
          res.write(bytes.subarray(i, i + perTick));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        res.end();
        return reply;
      }
    }
  }

  // A taken port must fail this start, not crash the process with an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    clock,
    faults,
    journal,
    pushes,
    ids,
    random: () => random(),
    raiseIds,
    async close() {
      await pushes.close();
      for (const socket of held) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A route literal, for simulators and the control plane. */
export function route(
  method: SimRoute['method'],
  path: string,
  handle: SimRoute['handle'],
  fidelity: Fidelity = 'A',
): SimRoute {
  return { method, path, fidelity, handle };
}

function compile(route: SimRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) =>
      segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      }),
    )
    .join('/');
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

function find(list: CompiledRoute[], method: string, path: string) {
  for (const compiled of list) {
    if (compiled.route.method !== 'ANY' && compiled.route.method !== method) continue;
    const match = compiled.regex.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    compiled.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
    return { route: compiled.route, params };
  }
  return undefined;
}

function send(res: ServerResponse, reply: SimReply): void {
  if (res.destroyed || res.headersSent) return;
  const hasBody = reply.text !== undefined || reply.body !== undefined;
  const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const type = reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(reply.status, { ...(hasBody ? { 'content-type': type } : {}), ...reply.headers });
  res.end(payload);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError)
    return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}
