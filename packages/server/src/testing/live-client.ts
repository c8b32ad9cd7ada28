import WebSocket from 'ws';

/**
 * Signs in as the seeded admin (`ADMIN_PASSWORD` admin-password-1) and subscribes to the inbox over
 * `/api/live`: every `conversation.changed` it is told of, as `conversationId:seq`.
 */
export async function subscribeInbox(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@attendflow.local', password: 'admin-password-1' }),
  });
  const { token } = (await login.json()) as { token: string };
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/live?token=${token}`);
  const changes = new Set<string>();
  socket.on('message', (raw: Buffer) => {
    const frame = JSON.parse(raw.toString()) as {
      type?: string;
      data?: { conversationId?: string; seq?: number };
    };
    if (frame.type === 'conversation.changed')
      changes.add(`${frame.data?.conversationId}:${frame.data?.seq}`);
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ subscribe: 'inbox' }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { changes, close: () => socket.close() };
}
