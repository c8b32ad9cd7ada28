import {
  channelPoliciesSchema,
  secretFieldsOf,
  settingsJsonSchema,
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
  label: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  icon: z.string(),
  waits: z.boolean(),
  isEntry: z.boolean(),
  /** Exit ports; null when the node computes them from its settings (one per rule …). */
  ports: z.array(z.string()).nullable(),
  /** Channel types a channel node is limited to; null for nodes usable on any channel. */
  channels: z.array(z.string()).nullable(),
  settingsSchema: jsonSchemaObject,
});

const channelType = z.object({
  type: z.string(),
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

/** A node definition as the designer and outside tools read it. */
function describeNodeType(definition: NodeDefinition): z.infer<typeof nodeType> {
  return {
    type: definition.type,
    version: definition.version,
    label: definition.label,
    description: definition.description ?? null,
    category: definition.category,
    icon: definition.icon,
    waits: definition.waits,
    isEntry: definition.isEntry ?? false,
    ports: typeof definition.ports === 'function' ? null : [...definition.ports],
    channels: definition.channels ? [...definition.channels] : null,
    settingsSchema: settingsJsonSchema(definition.settings),
  };
}

/** A channel definition as the designer and outside tools read it: schemas and policies, never values. */
function describeChannelType(channel: ChannelDefinition): z.infer<typeof channelType> {
  return {
    type: channel.type,
    label: channel.label,
    icon: channel.icon,
    description: channel.description ?? null,
    policies: channel.policies,
    actions: Object.entries(channel.actions).map(([type, action]) => ({
      type,
      label: action.label,
      by: action.by,
      payloadSchema: settingsJsonSchema(action.payload),
    })),
    nodeTypes: channel.nodes.map((node) => node.type),
    settingsSchema: settingsJsonSchema(channel.settings),
    secretFields: secretFieldsOf(channel.settings),
  };
}

/** The catalog of node and channel types with the JSON Schema of their settings (any signed-in user). */
export const catalogRoutes: FastifyPluginAsyncZod<{ registry: Registry }> = async (
  app,
  { registry },
) => {
  // Definitions are fixed for the life of the process: describe them once.
  const nodeTypes = [...registry.nodes.values()].map(describeNodeType);
  const channelTypes = [...registry.channels.values()].map(describeChannelType);

  app.get(
    '/node-types',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Every node type with the JSON Schema of its settings',
        response: { 200: z.array(nodeType) },
      },
    },
    () => nodeTypes,
  );

  app.get(
    '/channel-types',
    {
      preHandler: app.requireUser,
      schema: {
        summary: 'Every channel type: policies, actions and the JSON Schema of its settings',
        response: { 200: z.array(channelType) },
      },
    },
    () => channelTypes,
  );
};
