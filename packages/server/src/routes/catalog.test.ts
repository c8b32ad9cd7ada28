import { channelDefinitions, nodeDefinitions } from '@attendflow/nodes/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { preferredLocales } from './catalog.js';
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
  locale: string;
  label: string;
  settingsSchema: JsonSchema;
  secretFields: string[];
};

describe('preferredLocales', () => {
  it('orders an Accept-Language header by weight, leaving out * and q=0', () => {
    expect(preferredLocales('en;q=0.5, pt-BR, *;q=0.1, es;q=0, fr;q=0.5')).toEqual([
      'pt-BR',
      'en',
      'fr',
    ]);
    expect(preferredLocales(undefined)).toEqual([]);
  });
});

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

  it('speaks the language of ?lang= or Accept-Language, English for the rest', async () => {
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { ...t.as('admin'), ...headers } });

    const inPortuguese = await get('/api/node-types?lang=pt-BR');
    expect(inPortuguese.statusCode).toBe(200);
    expect(inPortuguese.headers['content-language']).toBe('pt-BR');
    const types = inPortuguese.json<NodeType[]>();
    expect(types.find((node) => node.type === 'human-handoff')).toMatchObject({
      locale: 'pt-BR',
      label: 'Transferir para atendente',
      description: 'Coloca a conversa na fila de um setor e aguarda a resposta de um atendente.',
      ports: null,
      portLabels: { answered: 'respondido', timeout: 'tempo esgotado' },
    });
    const autoMessage = types.find((node) => node.type === 'auto-message');
    expect(autoMessage?.settingsSchema.properties?.['visibility']).toMatchObject({
      label: 'Visibilidade',
      options: { default: 'Padrão do canal', public: 'Pública', private: 'Privada' },
      widget: 'select',
    });

    // The header's first language with a translation; `pt` reads pt-BR.
    const byHeader = await get('/api/node-types', { 'accept-language': 'fr-FR, pt;q=0.8' });
    expect(byHeader.headers['content-language']).toBe('pt-BR');
    expect(byHeader.json<NodeType[]>()[0]).toMatchObject({ type: 'trigger', label: 'Início' });
    // English preferred over Portuguese, or a language nobody translated to: English.
    for (const header of ['en-GB, pt-BR;q=0.9', 'de']) {
      const english = await get('/api/node-types', { 'accept-language': header });
      expect(english.headers['content-language']).toBe('en');
      expect(english.json<NodeType[]>()[0]).toMatchObject({ locale: 'en', label: 'Start' });
    }
    // ?lang= wins over the header.
    const chosen = await get('/api/channel-types?lang=pt-BR', { 'accept-language': 'en' });
    const ra = chosen.json<ChannelType[]>().find((channel) => channel.type === 'reclame-aqui');
    expect(ra).toMatchObject({ locale: 'pt-BR', label: 'Reclame Aqui' });
    expect(ra?.settingsSchema.properties?.['syncIntervalMinutes']).toMatchObject({
      label: 'Intervalo de sincronia (minutos)',
      group: 'Sincronia',
    });
    const moderation = ra?.actions.find((action) => action.type === 'moderation.request');
    expect(moderation).toMatchObject({ label: 'Solicitar moderação' });
    expect(moderation?.payloadSchema.properties?.['reason']).toMatchObject({ label: 'Motivo' });

    const bad = await get('/api/node-types?lang=portugu%C3%AAs');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('querystring.lang');
  });

  it('needs a signed-in user', async () => {
    for (const url of ['/api/node-types', '/api/channel-types']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });
});
