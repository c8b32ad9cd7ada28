import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What came back from a POST: the status and the headers a caller may need. */
export interface PostAnswer {
  status: number;
  header: (name: string) => string | undefined;
}

/** Why a POST did not get an answer. */
export class PostFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'aborted' | 'network',
  ) {
    super(message);
    this.name = 'PostFailure';
  }
}

// Adapters deliver many small POSTs to the same few hosts: keep-alive sockets, shared.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * POSTs a body over node:http(s) with keep-alive sockets and answers with the status once the
 * response has arrived (its body is drained, not kept). A deadline of `timeoutMs` from the start
 * and the caller's `signal` both end it with a {@link PostFailure}. Cheaper per call than `fetch`,
 * which builds streams, abort signals and a Response for every request.
 */
export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PostAnswer> {
  const { signal, timeoutMs } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new PostFailure('aborted', 'aborted'));
      return;
    }
    const isHttps = url.protocol === 'https:';
    const send = isHttps ? httpsRequest : httpRequest;
    let isDone = false;
    const finish = (error: PostFailure | null, answer?: PostAnswer) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(answer as PostAnswer);
    };
    const outgoing = send(
      url,
      {
        method: 'POST',
        agent: agents[isHttps ? 'https:' : 'http:'],
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response: IncomingMessage) => {
        response.on('error', (error) => fail('network', error.message));
        response.resume();
        response.on('end', () => {
          const value = (name: string) => {
            const found = response.headers[name.toLowerCase()];
            return Array.isArray(found) ? found[0] : found;
          };
          finish(null, { status: response.statusCode ?? 0, header: value });
        });
      },
    );
    const fail = (reason: PostFailure['reason'], message: string) => {
      finish(new PostFailure(message, reason));
      outgoing.destroy();
    };
    const timer = setTimeout(() => fail('timeout', 'timed out'), timeoutMs);
    const onAbort = () => fail('aborted', 'aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => fail('network', error.message));
    outgoing.end(body);
  });
}
