import type { FlowInput } from '@attendflow/engine';
import { startReclameAquiSimulator, type ReclameAquiSimulator } from '@attendflow/nodes/simulators';
import type { TestApp } from './test-app.js';
import { seedConnection } from './seed.js';

/** The Reclame Aqui journey's flow: acknowledge privately, hand off, request evaluation, close. */
export const complaintFlow: FlowInput = {
  schemaVersion: 1,
  name: 'RA journey',
  nodes: [
    { id: 'start', type: 'trigger', typeVersion: 1, settings: {}, position: { x: 0, y: 0 } },
    {
      id: 'ack',
      type: 'auto-message',
      typeVersion: 1,
      settings: { text: 'Recebemos sua reclamação “{{subject}}”.' },
      position: { x: 200, y: 0 },
    },
    {
      id: 'handoff',
      type: 'human-handoff',
      typeVersion: 1,
      settings: { sector: 'SAC' },
      position: { x: 400, y: 0 },
    },
    {
      id: 'eval',
      type: 'request-evaluation',
      typeVersion: 1,
      settings: {},
      position: { x: 600, y: 0 },
    },
    {
      id: 'bye',
      type: 'close',
      typeVersion: 1,
      settings: { solution: 'resolvido' },
      position: { x: 800, y: 0 },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'ack' },
    { id: 'e2', source: 'ack', sourcePort: 'next', target: 'handoff' },
    { id: 'e3', source: 'handoff', sourcePort: 'answered', target: 'eval' },
    { id: 'e4', source: 'eval', sourcePort: 'evaluated', target: 'bye' },
  ],
  variables: [],
};

/** A HugMe simulator on the test app's clock, with a connection whose callbacks reach the app. */
export async function startJourney(t: TestApp, appUrl: string) {
  const sim: ReclameAquiSimulator = await startReclameAquiSimulator();
  sim.clock.set(t.clock.now);
  const { connectionId } = await seedConnection(t.database.db, t.core.connections, {
    type: 'reclame-aqui',
    name: 'RA journey',
    flow: complaintFlow,
    settings: {
      description: 'RA — Loja Exemplo',
      companyEmail: 'sac@loja.example',
      user: 'client-id',
      password: 'client-secret',
      baseUrl: sim.baseUrl,
    },
  });
  const callbackUrl = `${appUrl}/api/channels/${connectionId}/inbound`;
  sim.pushes.configure({ url: callbackUrl });
  const actor = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${sim.url}/__sim/ra${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const ticket = (await response.json()) as { id: number };
    await sim.pushes.idle();
    return ticket;
  };
  return {
    sim,
    connectionId,
    callbackUrl,
    actor,
    /** Moves the app's and the simulator's clocks together. */
    advance(ms: number) {
      t.clock.now += ms;
      sim.clock.set(t.clock.now);
    },
    /** Delivers what is due, in as many rounds as it takes. */
    async deliver() {
      for (let round = 0; round < 10 && (await t.core.outbox.runOnce()) > 0; round++);
      await sim.pushes.idle();
    },
  };
}
