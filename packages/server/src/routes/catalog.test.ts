import { channelDefinitions, nodeDefinitions } from '@attendflow/nodes/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { testBackends } from '../testing/test-databases.js';

type JsonSchema = {
  type?: string;
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};
type NodeType = {
  type: string;
  ports: string[] | null;
  isEntry: boolean;
  settingsSchema: JsonSchema;
} & Record<string, unknown>;
type ChannelType = {
  type: string;
  policies: Record<string, unknown>;
  actions: Array<{ type: string; by: string; payloadSchema: JsonSchema }>;
  settingsSchema: JsonSchema;
  secretFields: string[];
};

describe.each(testBackends())('catalog routes on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('lists every node type with the JSON Schema of its settings, to agents too', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/node-types',
      headers: t.as('agent'),
    });
    expect(response.statusCode).toBe(200);
    const types = response.json<NodeType[]>();
    // Channel nodes (Reclame Aqui's moderation and evaluation …) come after the built-in ones.
    const channelNodes = channelDefinitions.flatMap((channel) => channel.nodes);
    expect(types.map((node) => node.type)).toEqual(
      [...nodeDefinitions, ...channelNodes].map((node) => node.type),
    );
    expect(types.find((node) => node.type === 'trigger')).toMatchObject({
      version: 1,
      label: 'Start',
      category: 'trigger',
      icon: 'play',
      waits: false,
      isEntry: true,
      ports: ['next'],
      channels: null,
    });
    const autoMessage = types.find((node) => node.type === 'auto-message');
    expect(autoMessage?.settingsSchema.properties?.['text']).toMatchObject({
      type: 'string',
      minLength: 1,
      label: 'Message',
      widget: 'template',
    });
    expect(types.find((node) => node.type === 'route')?.ports).toBeNull();
    expect(types.filter((node) => node.isEntry).map((node) => node.type)).toEqual(['trigger']);
  });

  it('lists every channel with policies, actions and settings with secrets marked', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/channel-types',
      headers: t.as('agent'),
    });
    expect(response.statusCode).toBe(200);
    const channels = response.json<ChannelType[]>();
    expect(channels.map((channel) => channel.type)).toEqual(
      channelDefinitions.map((channel) => channel.type),
    );
    const ra = channels.find((channel) => channel.type === 'reclame-aqui');
    expect(ra?.policies).toMatchObject({
      visibilities: ['public', 'private'],
      automaticVisibility: 'private',
      publicAnswer: { author: 'agent', max: 1 },
      receptiveOnly: true,
      minSpacingMs: 25_000,
    });
    expect(ra?.secretFields).toEqual(['password']);
    expect(ra?.settingsSchema.properties?.['password']).toMatchObject({
      secret: true,
      widget: 'secret',
    });
    const moderation = ra?.actions.find((action) => action.type === 'moderation.request');
    expect(moderation).toMatchObject({ by: 'any', label: 'Request moderation' });
    expect(moderation?.payloadSchema.properties?.['reason']).toMatchObject({ label: 'Reason' });
    const api = channels.find((channel) => channel.type === 'api');
    expect(api?.secretFields).toEqual(['outboundToken', 'inboundToken']);
    expect(api?.settingsSchema.properties?.['outboundUrl']?.['secret']).toBeUndefined();
  });

  it('needs a signed-in user', async () => {
    for (const url of ['/api/node-types', '/api/channel-types']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });
});
