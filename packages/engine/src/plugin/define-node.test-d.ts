// Type tests, checked by `tsc -b`: inference of settings and ports is part of the plugin contract.
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { defineNode, type PortOf, type SettingsOf } from './define-node.js';
import { defineNodeRuntime } from './define-node-runtime.js';

const greet = defineNode({
  type: 'greet',
  version: 1,
  label: 'Greet',
  category: 'messaging',
  icon: 'message',
  waits: false,
  ports: ['next', 'failed'],
  settings: z.object({ text: z.string(), times: z.number().default(1) }),
});

expectTypeOf<SettingsOf<typeof greet>>().toEqualTypeOf<{ text: string; times: number }>();
expectTypeOf<PortOf<typeof greet>>().toEqualTypeOf<'next' | 'failed'>();

defineNodeRuntime(greet, {
  enter(ctx) {
    expectTypeOf(ctx.settings.text).toBeString();
    expectTypeOf(ctx.settings.times).toBeNumber();
    return 'next';
  },
});

defineNodeRuntime(greet, {
  // @ts-expect-error: "nope" is not a port of greet
  enter: () => 'nope',
});

// A summary gets the settings and the language; translations are data of one shape.
defineNode({
  type: 'greet-summary',
  version: 1,
  label: 'Greet',
  category: 'messaging',
  icon: 'message',
  waits: false,
  ports: ['next'],
  settings: z.object({ text: z.string() }),
  summary: (settings, context) => {
    expectTypeOf(settings.text).toBeString();
    expectTypeOf(context.locale).toBeString();
    return settings.text;
  },
  i18n: { 'pt-BR': { label: 'Saudar', ports: { next: 'próximo' }, fields: { text: {} } } },
});

defineNode({
  type: 'greet-bad-i18n',
  version: 1,
  label: 'Greet',
  category: 'messaging',
  icon: 'message',
  waits: false,
  ports: ['next'],
  settings: z.object({}),
  // @ts-expect-error: a translation needs its label
  i18n: { 'pt-BR': { description: 'Saúda' } },
});
