import {
  startReclameAquiSimulator,
  startSmtpSink,
  startTelegramSimulator,
  startWishSimulator,
  type ReclameAquiSimulator,
  type SmtpSink,
  type TelegramSimulator,
  type WishSimulator,
} from '@attendflow/nodes/simulators';
import { forwardPort } from './forward-port.js';

/** The loopback ports of the demo simulators. */
export interface DemoPorts {
  reclameAqui: number;
  wish: number;
  telegram: number;
  smtp: number;
}

/** Where the demo simulators are: each one's root (control plane under `/__sim`) and API base. */
export interface DemoUrls {
  reclameAqui: { url: string; apiBaseUrl: string };
  wish: { url: string; apiBaseUrl: string };
  telegram: { url: string; apiBaseUrl: string };
  smtp: { host: string; port: number };
  /** Ports asked for that were in use: those simulators listen on ephemeral ports instead. */
  busyPorts: number[];
}

/** The running demo simulators. */
export interface DemoSimulators {
  reclameAqui: ReclameAquiSimulator;
  wish: WishSimulator;
  telegram: TelegramSimulator;
  smtp: SmtpSink;
  urls: DemoUrls;
  close(): Promise<void>;
}

/** `SIMULATOR_PORT_BASE` → base + 1 Reclame Aqui, + 2 Wish, + 3 Telegram, + 4 SMTP. */
export function demoPorts(base: number): DemoPorts {
  return { reclameAqui: base + 1, wish: base + 2, telegram: base + 3, smtp: base + 4 };
}

/**
 * Starts the Reclame Aqui, Wish and Telegram simulators and the SMTP sink, each on an ephemeral
 * loopback port, and gives each its port of `ports` through a forwarder. A port of `ports` in use
 * (another server in demo mode) leaves that simulator on its ephemeral port, named in `busyPorts`;
 * without `ports` (tests) they all stay ephemeral.
 *
 * @example
 * const sims = await startDemoSimulators(demoPorts(3100));
 * // sims.urls.reclameAqui.url === 'http://127.0.0.1:3101'
 */
export async function startDemoSimulators(ports?: DemoPorts): Promise<DemoSimulators> {
  const opened: Array<{ close(): Promise<void> }> = [];
  const close = async () => {
    for (const item of opened.splice(0).reverse()) await item.close();
  };
  const open = async <T extends { close(): Promise<void> }>(start: Promise<T>) => {
    const item = await start;
    opened.push(item);
    return item;
  };
  const busyPorts: number[] = [];
  // The kit's servers throw (uncaught) on a port in use, so fixed ports are our forwarders'.
  const fixed = async (wanted: number | undefined, actual: number): Promise<number> => {
    if (wanted === undefined) return actual;
    try {
      return (await open(forwardPort(wanted, actual))).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      busyPorts.push(wanted);
      return actual;
    }
  };
  const root = (port: number) => `http://127.0.0.1:${port}`;
  try {
    // The RA simulator's own limit (10 calls a minute) stays on: the adapter paces itself by it.
    const reclameAqui = await open(startReclameAquiSimulator());
    const wish = await open(startWishSimulator());
    const telegram = await open(startTelegramSimulator());
    const smtp = await open(startSmtpSink());
    const raUrl = root(await fixed(ports?.reclameAqui, portOf(reclameAqui.url)));
    const wishUrl = root(await fixed(ports?.wish, portOf(wish.url)));
    const telegramUrl = root(await fixed(ports?.telegram, portOf(telegram.url)));
    const smtpPort = await fixed(ports?.smtp, smtp.port);
    return {
      reclameAqui,
      wish,
      telegram,
      smtp,
      urls: {
        reclameAqui: { url: raUrl, apiBaseUrl: `${raUrl}/api` },
        wish: { url: wishUrl, apiBaseUrl: `${wishUrl}/api/v2` },
        telegram: { url: telegramUrl, apiBaseUrl: telegramUrl },
        smtp: { host: '127.0.0.1', port: smtpPort },
        busyPorts,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}
