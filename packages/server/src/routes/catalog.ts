import {
  baseLocale,
  channelPoliciesSchema,
  localeSchema,
  localizeChannel,
  localizeNode,
  matchLocale,
  secretFieldsOf,
  type ChannelDefinition,
  type NodeDefinition,
  type Registry,
} from '@attendflow/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const jsonSchemaObject = z.record(z.string(), z.unknown());

const nodeType = z.object({
  type: z.string(),
  version: z.number().int(),
  /** The language of this type's texts: the translation used, or `en`. */
  locale: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  icon: z.string(),
  waits: z.boolean(),
  isEntry: z.boolean(),
  /** Exit ports; null when the node computes them from its settings (one per rule …). */
  ports: z.array(z.string()).nullable(),
  /** Labels of ports by port name: every fixed port, and every port the translation names. */
  portLabels: z.record(z.string(), z.string()),
  /** Channel types a channel node is limited to; null for nodes usable on any channel. */
  channels: z.array(z.string()).nullable(),
  settingsSchema: jsonSchemaObject,
});

const channelType = z.object({
  type: z.string(),
  /** The language of this channel's texts: the translation used, or `en`. */
  locale: z.string(),
  label: z.string(),
  icon: z.string(),
  description: z.string().nullable(),
  policies: channelPoliciesSchema,
  actions: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      by: z.enum(['agent', 'bot', 'any']),
      payloadSchema: jsonSchemaObject,
    }),
  ),
  /** Node types this channel contributes. */
  nodeTypes: z.array(z.string()),
  /** JSON Schema of the connection settings; secret fields carry `secret: true`. */
  settingsSchema: jsonSchemaObject,
  /** Settings that are encrypted at rest and never returned. */
  secretFields: z.array(z.string()),
});

/** A node definition in one language, as the designer and outside tools read it. */
function describeNodeType(definition: NodeDefinition, locale: string): z.infer<typeof nodeType> {
  const text = localizeNode(definition, locale);
  return {
    type: definition.type,
    version: definition.version,
    locale: text.locale,
    label: text.label,
    description: text.description ?? null,
    category: definition.category,
    icon: definition.icon,
    waits: definition.waits,
    isEntry: definition.isEntry ?? false,
    ports: typeof definition.ports === 'function' ? null : [...definition.ports],
    portLabels: { ...text.ports },
    channels: definition.channels ? [...definition.channels] : null,
    settingsSchema: text.settingsSchema(),
  };
}

/** A channel definition in one language: schemas and policies, never values. */
function describeChannelType(
  channel: ChannelDefinition,
  locale: string,
): z.infer<typeof channelType> {
  const text = localizeChannel(channel, locale);
  return {
    type: channel.type,
    locale: text.locale,
    label: text.label,
    icon: channel.icon,
    description: text.description ?? null,
    policies: channel.policies,
    actions: Object.entries(channel.actions).map(([type, action]) => ({
      type,
      label: text.actions[type]?.label ?? action.label,
      by: action.by,
      payloadSchema: text.actions[type]?.payloadSchema() ?? {},
    })),
    nodeTypes: channel.nodes.map((node) => node.type),
    settingsSchema: text.settingsSchema(),
    secretFields: secretFieldsOf(channel.settings),
  };
}

const languageQuery = z.strictObject({
  /** The language of the texts; without it, the request's Accept-Language. */
  lang: localeSchema.optional(),
});

/**
 * The languages of an Accept-Language header, most wanted first (`*` and `q=0` left out).
 *
 * @example
 * preferredLocales('pt-BR,pt;q=0.9,en;q=0.8'); // ['pt-BR', 'pt', 'en']
 */
export function preferredLocales(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ tag }) => tag);
}

/**
 * The catalog of node and channel types with the JSON Schema of their settings (any signed-in
 * user), in the language of `?lang=` or else of Accept-Language, among those the plugins are
 * translated to; whatever a plugin leaves untranslated is English. `Content-Language` says which.
 */
export const catalogRoutes: FastifyPluginAsyncZod<{ registry: Registry }> = async (
  app,
  { registry },
) => {
  const nodes = [...registry.nodes.values()];
  const channels = [...registry.channels.values()];
  const available = [
    ...new Set([...nodes, ...channels].flatMap((definition) => Object.keys(definition.i18n ?? {}))),
  ];
  // Definitions are fixed for the life of the process: describe them once per language.
  const described = new Map<
    string,
    { nodeTypes: z.infer<typeof nodeType>[]; channelTypes: z.infer<typeof channelType>[] }
  >();
  const catalogIn = (locale: string) => {
    let hit = described.get(locale);
    if (!hit) {
      hit = {
        nodeTypes: nodes.map((node) => describeNodeType(node, locale)),
        channelTypes: channels.map((channel) => describeChannelType(channel, locale)),
      };
      described.set(locale, hit);
    }
    return hit;
  };
  const localeOf = (lang: string | undefined, acceptLanguage: string | undefined): string =>
    matchLocale(available, lang ?? preferredLocales(acceptLanguage)) ?? baseLocale;

  app.get(
    '/node-types',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Every node type with the JSON Schema of its settings, in the asked language',
        querystring: languageQuery,
        response: { 200: z.array(nodeType) },
      },
    },
    (request, reply) => {
      const locale = localeOf(request.query.lang, request.headers['accept-language']);
      void reply.header('content-language', locale).header('vary', 'Accept-Language');
      return catalogIn(locale).nodeTypes;
    },
  );

  app.get(
    '/channel-types',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Every channel type: policies, actions and settings schema, in the asked language',
        querystring: languageQuery,
        response: { 200: z.array(channelType) },
      },
    },
    (request, reply) => {
      const locale = localeOf(request.query.lang, request.headers['accept-language']);
      void reply.header('content-language', locale).header('vary', 'Accept-Language');
      return catalogIn(locale).channelTypes;
    },
  );
};
