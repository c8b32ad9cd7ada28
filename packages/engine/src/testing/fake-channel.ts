import { z } from 'zod';
import {
  defineChannel,
  type ChannelDefinition,
  type ChannelActionDefinition,
} from '../plugin/define-channel.js';
import type { ChannelPoliciesInput } from '../plugin/channel-policies.js';

/** Options of {@link fakeChannel}. */
export interface FakeChannelOptions {
  type?: string;
  policies?: ChannelPoliciesInput;
  actions?: Record<string, ChannelActionDefinition>;
}

/**
 * A channel with any policy set, for tests: everything else about it is inert.
 *
 * @example
 * const ra = fakeChannel({ type: 'fake-ra', policies: { visibilities: ['public', 'private'], automaticVisibility: 'private' } });
 */
export function fakeChannel(options: FakeChannelOptions = {}): ChannelDefinition {
  return defineChannel({
    type: options.type ?? 'fake',
    label: 'Fake channel',
    icon: 'test',
    settings: z.object({}),
    policies: options.policies ?? {
      visibilities: ['public', 'private'],
      evaluation: { requires: 'none' },
    },
    ...(options.actions ? { actions: options.actions } : {}),
  });
}
