import { describe, expect, it } from 'vitest';
import { secretFieldsOf, settingsJsonSchema } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { requestEvaluationRuntime } from '../../nodes/request-evaluation/runtime.js';
import { triggerRuntime } from '../../nodes/trigger/runtime.js';
import { webChat } from './definition.js';

const registry = registryOf([triggerRuntime, requestEvaluationRuntime], [webChat]);
const good = { distributeTo: 'Vendas', offHoursEmail: 'chat@loja.example' };

const issuesOf = (value: unknown) =>
  webChat.settings
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('web-chat channel', () => {
  it('accepts good settings and fills the defaults', () => {
    const settings = webChat.settings.parse({
      ...good,
      preChatFields: [
        { field: 'name', required: true },
        { field: 'custom', label: 'CPF' },
      ],
      autoCloseAfter: { amount: 2, unit: 'days' },
    });
    expect(settings).toEqual({
      ...good,
      showOperatorName: true,
      showOperatorPhoto: false,
      offerRating: true,
      preChatFields: [
        { field: 'name', label: '', required: true },
        { field: 'custom', label: 'CPF', required: false },
      ],
      showPreChatFieldsOffHours: true,
      autoCloseAfter: { amount: 2, unit: 'days' },
    });
    expect(webChat.settings.parse({ ...good, autoCloseAfter: null }).autoCloseAfter).toBeNull();
  });

  it('rejects bad settings naming the field', () => {
    expect(issuesOf({ ...good, distributeTo: '' })).toEqual([
      ['distributeTo', 'choose the sector that receives the chats'],
    ]);
    expect(issuesOf({ ...good, offHoursEmail: 'chat' })).toEqual([
      ['offHoursEmail', 'enter the e-mail that receives messages outside business hours'],
    ]);
    expect(issuesOf({ ...good, preChatFields: [{ field: 'custom', required: true }] })).toEqual([
      ['preChatFields.0.label', 'give the custom field a label'],
    ]);
    expect(issuesOf({ ...good, autoCloseAfter: { amount: 30, unit: 'minutes' } })?.[0]?.[0]).toBe(
      'autoCloseAfter.unit',
    );
  });

  it('has no secret and exports its form as JSON Schema', () => {
    expect(secretFieldsOf(webChat.settings)).toEqual([]);
    const schema = settingsJsonSchema(webChat.settings) as {
      properties: Record<string, { label?: string }>;
    };
    expect(schema.properties.offHoursEmail?.label).toBe('Off-hours e-mail');
  });

  it('asks for the rating without any answer first, once, and takes only public messages', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'rate', type: 'request-evaluation', settings: { saveTo: 'rating' } },
      ],
      ['start.next -> rate'],
      { variables: [{ name: 'rating', default: null }] },
    );
    const result = runFlow(
      flow,
      [
        script.reply('Nota interna', 'private'),
        script.requestEvaluation(),
        script.evaluate({ rating: 'good' }),
      ],
      { registry, channel: 'web-chat' },
    );
    expect(result.rejections.map((rejection) => rejection.code)).toEqual([
      'CHANNEL_VISIBILITY_UNSUPPORTED',
      'CHANNEL_EVALUATION_ALREADY_REQUESTED',
    ]);
    expect(
      result.transcript.entries
        .filter((entry) => entry.kind === 'action')
        .map((entry) => entry.text),
    ).toEqual(['evaluation.request']);
    expect(result.snapshot.context.variables).toEqual({ rating: 'good' });
  });
});
