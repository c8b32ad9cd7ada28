import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUTH_HEADER } from '../vibe-api.js';
import { handleControl } from './control-api.js';
import { toVibeJson } from './sim-json.js';
import { createSimState, type SimState } from './sim-state.js';
import { handleVendor, type SimAccount, type SimReply } from './vendor-api.js';

/** Options of {@link startVibeSimulator}. */
export interface VibeSimulatorOptions {
  /** The bot's token: the API checks it, and every callback is signed with it. */
  authToken: string;
  /** The bot's name as `get_account_info` reports it. */
  accountName?: string;
  /** Port to listen on; 0 (the default) takes a free one. */
  port?: number;
}

/** A running simulator. */
export interface VibeSimulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`: the API under `/pa/`, the control plane under `/__sim/`. */
  readonly url: string;
  /** The in-memory world, for assertions in the same process. */
  readonly state: SimState;
  close(): Promise<void>;
}

/**
 * Starts a fake Vibe bot API on the loopback interface: `/pa/set_webhook`, `/pa/send_message`
 * and `/pa/get_account_info`, signed callbacks to the webhook, a request journal and a control
 * plane under `/__sim/` (users, messages, receipts, redeliveries, faults).
 *
 * @example
 * const sim = await startVibeSimulator({ authToken: 'a-long-test-token-1234' });
 * await fetch(`${sim.url}/__sim/users`, { method: 'POST', body: JSON.stringify({ id: 'u1' }) });
 * await sim.close();
 */
export async function startVibeSimulator(options: VibeSimulatorOptions): Promise<VibeSimulator> {
  const state = createSimState();
  const account: SimAccount = {
    authToken: options.authToken,
    id: 'pa:sim-bot',
    name: options.accountName ?? 'Sim Bot',
  };
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    void serve(state, account, request, response, hanging);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(
  state: SimState,
  account: SimAccount,
  request: IncomingMessage,
  response: ServerResponse,
  hanging: Set<ServerResponse>,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://sim').pathname;
  const method = request.method ?? 'GET';
  let reply: SimReply;
  let body: unknown;
  try {
    body = parseJson(await readBody(request));
    reply = path.startsWith('/__sim/')
      ? await handleControl(state, account, method, path, body)
      : await handleVendor(state, account, path, request.headers, body);
  } catch (error) {
    reply = { status: 500, json: { error: error instanceof Error ? error.message : 'failed' } };
  }
  if (path.startsWith('/pa/')) journal(state, method, path, request, reply, body, account);
  if (reply === 'hang') {
    // A timeout: the request stays open until the client gives up or the simulator closes.
    hanging.add(response);
    response.on('close', () => hanging.delete(response));
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'application/json' });
  response.end(toVibeJson(reply.json));
}

function journal(
  state: SimState,
  method: string,
  path: string,
  request: IncomingMessage,
  reply: SimReply,
  body: unknown,
  account: SimAccount,
): void {
  const vibeStatus =
    reply !== 'hang' && typeof reply.json === 'object' && reply.json !== null
      ? (reply.json as { status?: unknown }).status
      : undefined;
  state.journal.push({
    at: Date.now(),
    method,
    path,
    httpStatus: reply === 'hang' ? 0 : reply.status,
    ...(typeof vibeStatus === 'number' ? { vibeStatus } : {}),
    authorized: request.headers[AUTH_HEADER] === account.authToken,
    body,
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
