/** A frame the server sends on `/api/live` (services/live-session.ts). */
export interface LiveFrame {
  topic: string | null;
  type: string;
  data: Record<string, unknown>;
}

/** What {@link openLive} needs: where (token in the URL), the topics, what to do with updates. */
export interface LiveOptions {
  url: string;
  topics: readonly string[];
  onUpdate: (frame: LiveFrame) => void;
  /** Called after every (re)connection: updates may have been missed while away. */
  onReconnect?: () => void;
  createSocket?: (url: string) => WebSocket;
}

/** Close code of a socket without a valid token (routes/live.ts): retrying would not help. */
const unauthenticated = 4401;

/** The websocket address of `/api/live` on the page's own server. */
export function liveUrlOf(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/live?token=${encodeURIComponent(token)}`;
}

/**
 * Subscribes to live topics, reconnecting with a growing delay (up to 10 s) when the socket drops;
 * acknowledgements are not updates and are not passed on. Returns the function that stops it.
 */
export function openLive(options: LiveOptions): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const ws = (options.createSocket ?? ((url) => new WebSocket(url)))(options.url);
    socket = ws;
    ws.onopen = () => {
      for (const topic of options.topics) ws.send(JSON.stringify({ subscribe: topic }));
      if (attempt > 0) options.onReconnect?.();
      attempt = 0;
    };
    ws.onmessage = (message: MessageEvent) => {
      const frame = parseFrame(message.data);
      if (frame && frame.type !== 'subscribed' && frame.type !== 'unsubscribed')
        options.onUpdate(frame);
    };
    ws.onclose = (event: CloseEvent) => {
      if (stopped || event.code === unauthenticated) return;
      attempt += 1;
      timer = setTimeout(connect, Math.min(10_000, 500 * 2 ** attempt));
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}

/** A frame of the server, or null for anything else. */
export function parseFrame(data: unknown): LiveFrame | null {
  if (typeof data !== 'string') return null;
  try {
    const value = JSON.parse(data) as Partial<LiveFrame>;
    return typeof value.type === 'string' && typeof value.data === 'object' && value.data !== null
      ? { topic: value.topic ?? null, type: value.type, data: value.data }
      : null;
  } catch {
    return null;
  }
}
