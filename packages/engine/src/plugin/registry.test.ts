import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineChannel } from './define-channel.js';
import { defineNode } from './define-node.js';
import { defineNodeRuntime } from './define-node-runtime.js';
import { createRegistry } from './registry.js';

const node = (type: string, extra: Partial<Parameters<typeof defineNode>[0]> = {}) =>
  defineNode({
    type,
    version: 1,
    label: type,
    category: 'logic',
    icon: 'x',
    waits: false,
    ports: ['next'],
    settings: z.object({}),
    ...extra,
  });
const channel = (type: string, nodes = [node(`${type}-node`)]) =>
  defineChannel({ type, label: type, icon: 'c', settings: z.object({}), policies: {}, nodes });

describe('createRegistry', () => {
  it('holds the listed nodes, the channels and their nodes', () => {
    const start = node('start', { isEntry: true });
    const registry = createRegistry({ nodes: [start, node('say')], channels: [channel('ra')] });
    expect([...registry.nodes.keys()]).toEqual(['start', 'say', 'ra-node']);
    expect(registry.entryTypes()).toEqual(['start']);
    expect(registry.channel('ra')?.policies.visibilities).toEqual(['public']);
    expect(registry.hasRuntimes).toBe(false);
    expect(() => registry.runtime('say')).toThrow(
      expect.objectContaining({ code: 'REGISTRY_NO_RUNTIMES' }),
    );
  });

  it('rejects a node type listed twice, also through a channel', () => {
    expect(() => createRegistry({ nodes: [node('say'), node('say')] })).toThrow(
      expect.objectContaining({
        code: 'REGISTRY_DUPLICATE_NODE_TYPE',
        message: 'node type "say" is listed twice',
      }),
    );
    expect(() => createRegistry({ nodes: [node('ra-node')], channels: [channel('ra')] })).toThrow(
      expect.objectContaining({ code: 'REGISTRY_DUPLICATE_NODE_TYPE' }),
    );
    expect(() =>
      createRegistry({ nodes: [], channels: [channel('ra'), channel('ra', [])] }),
    ).toThrow(expect.objectContaining({ code: 'REGISTRY_DUPLICATE_CHANNEL_TYPE' }));
  });

  it('rejects missing runtimes and runtimes without a definition', () => {
    const say = node('say');
    const close = node('close');
    const sayRuntime = defineNodeRuntime(say, { enter: () => 'next' });
    expect(() => createRegistry({ nodes: [say, close], runtimes: [sayRuntime] })).toThrow(
      expect.objectContaining({
        code: 'REGISTRY_MISSING_RUNTIME',
        message: 'no runtime for node type(s): close',
      }),
    );
    const stray = defineNodeRuntime(node('stray'), { enter: () => 'next' });
    expect(() => createRegistry({ nodes: [say], runtimes: [sayRuntime, stray] })).toThrow(
      expect.objectContaining({ code: 'REGISTRY_UNKNOWN_RUNTIME' }),
    );
    // A runtime bound to another definition object of the same type is not the registered one.
    const impostor = defineNodeRuntime(node('say'), { enter: () => 'next' });
    expect(() => createRegistry({ nodes: [say], runtimes: [impostor] })).toThrow(
      expect.objectContaining({ code: 'REGISTRY_UNKNOWN_RUNTIME' }),
    );
    expect(createRegistry({ nodes: [say], runtimes: [sayRuntime] }).runtime('say')).toBe(
      sayRuntime,
    );
  });
});

describe('defineNode and defineChannel', () => {
  it('refuse ids that are not kebab-case, bad versions and bad policies', () => {
    expect(() => node('Say')).toThrow(
      expect.objectContaining({ code: 'PLUGIN_INVALID_DEFINITION' }),
    );
    expect(() => node('say', { version: 0 })).toThrow('integer version');
    expect(() => node('say', { version: 2 })).toThrow('needs migrate()');
    expect(() =>
      defineChannel({
        type: 'x',
        label: 'x',
        icon: 'x',
        settings: z.object({}),
        policies: { minSpacingMs: -1 },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'PLUGIN_INVALID_DEFINITION',
        message: expect.stringContaining('minSpacingMs') as unknown,
      }),
    );
  });
});
