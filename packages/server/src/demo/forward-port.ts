import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/** A loopback TCP port that forwards every connection to another one. */
export interface PortForward {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on `127.0.0.1:<port>` and pipes each connection to the loopback port `target`: gives a
 * fixed port to a simulator on an ephemeral one. Rejects (EADDRINUSE) when the port is taken.
 */
export async function forwardPort(port: number, target: number): Promise<PortForward> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    track(client);
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
