import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running `pnpm start` on a fresh data directory. */
export interface RunningServer {
  url: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Starts the server the way a person does (`pnpm start`, so prestart builds the designer when
 * stale) on an empty embedded database and a free port; resolves once it prints its address.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attendflow-e2e-'));
  const admin = { email: 'admin@e2e.test', password: 'e2e-admin-password' };
  // The embedded database on a fresh directory, even where CI exports a PostgreSQL URL.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      WORKER_POLL_MS: '1000',
      // No demo vendors on fixed ports: tests bring their own simulators.
      SIMULATORS: 'off',
    },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`pnpm start exited (${code}) before listening:\n${output}`)),
    );
  });
  return {
    url,
    admin,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
