import { demoData } from './demo-data.js';
import type { DemoUrls } from './demo-simulators.js';

/** The ready banner's lines about the demo simulators: where they are and how to add more. */
export function demoBanner(urls: DemoUrls): string[] {
  const { reclameAqui, wish, telegram, smtp, busyPorts } = urls;
  const post = (url: string, body: unknown) =>
    `curl -X POST ${url} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
  return [
    `  simulators (demo data in memory, seeded at every start; SIMULATORS=off turns them off)`,
    ...(busyPorts.length > 0
      ? [`    ports ${busyPorts.join(', ')} were in use: those simulators are on other ports below`]
      : []),
    `    Reclame Aqui  ${reclameAqui.apiBaseUrl}   journal ${reclameAqui.url}/__sim/journal`,
    `    Wish          ${wish.apiBaseUrl}   journal ${wish.url}/__sim/journal`,
    `    Telegram      ${telegram.apiBaseUrl}   journal ${telegram.url}/__sim/journal`,
    `    SMTP sink     ${smtp.host}:${smtp.port} (for an e-mail connection)`,
    `    new complaint   ${post(`${reclameAqui.url}/__sim/ra/complaints`, {
      title: 'Pedido não entregue',
      content: 'Paguei há 10 dias e o pedido ainda não saiu para entrega.',
      customer: {
        name: 'Carlos Lima',
        email: 'carlos.lima@example.com',
        city: 'Curitiba',
        state: 'Paraná',
        stateCode: 'PR',
      },
    })}`,
    `    new Wish ticket ${post(`${wish.url}/__sim/wish/tickets`, {
      category: 'post-purchase',
      subject: 'Where is my order?',
      message: 'My order has not arrived yet.',
      buyer: { name: 'Ann Lee', locale: 'en' },
    })}  (Wish is read every 5 min)`,
    `    Telegram reply  ${post(
      `${telegram.url}/__sim/telegram/users/${demoData.telegram.user.id}/send`,
      {
        text: 'Alguma novidade sobre a troca?',
      },
    )}`,
  ];
}
