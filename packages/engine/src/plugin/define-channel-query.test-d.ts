// Type tests, checked by `tsc -b`: a query's input and the channel's settings are inferred.
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { defineChannel } from './define-channel.js';
import { defineChannelAdapter } from './define-channel-adapter.js';
import { defineChannelQuery } from './define-channel-query.js';

const shop = defineChannel({
  type: 'shop',
  label: 'Shop',
  icon: 'shop',
  settings: z.object({ apiKey: z.string() }),
  policies: { visibilities: ['public'], evaluation: { requires: 'none' } },
});

const products = defineChannelQuery(shop, {
  label: 'Search products',
  audience: 'agent',
  input: z.object({ q: z.string(), page: z.coerce.number().default(1) }),
  output: z.object({ names: z.array(z.string()) }),
  run(input, settings) {
    expectTypeOf(input.q).toBeString();
    expectTypeOf(input.page).toBeNumber();
    expectTypeOf(settings.apiKey).toBeString();
    return Promise.resolve({ ok: true, value: { names: [] } });
  },
});

defineChannelQuery(shop, {
  label: 'Wrong answer',
  audience: 'admin',
  input: z.object({}),
  output: z.object({ names: z.array(z.string()) }),
  // @ts-expect-error: the value must match the output schema
  run: () => Promise.resolve({ ok: true, value: { names: [1] } }),
});

defineChannelAdapter(shop, {
  verifyInbound: () => true,
  parseInbound: () => ({ ok: true, items: [] }),
  deliver: () => Promise.resolve({ ok: true }),
  queries: { products },
});
