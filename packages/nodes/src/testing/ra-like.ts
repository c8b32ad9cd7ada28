import { defineChannel, type ChannelPoliciesInput } from '@attendflow/engine';
import { z } from 'zod';
import { reclameAqui } from '../channels/reclame-aqui/definition.js';

// Built with defineChannel rather than the test kit's fakeChannel: only *.test.ts may import it.
const testChannel = (type: string, policies: ChannelPoliciesInput) =>
  defineChannel({ type, label: type, icon: 'test', settings: z.object({}), policies });

/**
 * A test channel with Reclame Aqui's policies, for node tests that prove the channel rules hold
 * without the real channel's settings.
 */
export const raLike = testChannel('fake-ra', reclameAqui.policies);

/** A test chat channel: public messages only, evaluation at any time. */
export const chatLike = testChannel('fake-chat', {
  visibilities: ['public'],
  evaluation: { requires: 'none', once: true },
});
