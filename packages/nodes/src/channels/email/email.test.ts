import { describe, expect, it } from 'vitest';
import { secretFieldsOf, settingsJsonSchema } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { requestEvaluationRuntime } from '../../nodes/request-evaluation/runtime.js';
import { triggerRuntime } from '../../nodes/trigger/runtime.js';
import { emailChannel } from './definition.js';
import { replySubject, replyText } from './outbound-message.js';

const good = {
  fromAddress: 'atendimento@loja.example',
  fromName: 'Loja Exemplo',
  smtpHost: 'smtp.loja.example',
  inboundToken: 'inbound-token-0123456789',
};
const issuesOf = (value: unknown) =>
  emailChannel.settings
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('e-mail channel', () => {
  it('accepts good settings and fills the defaults', () => {
    expect(emailChannel.settings.parse(good)).toEqual({
      ...good,
      signature: '',
      smtpPort: 587,
      smtpSecure: false,
      smtpUser: '',
      smtpPassword: '',
      connectionTimeoutMs: 15_000,
    });
  });

  it('rejects bad settings naming the field', () => {
    expect(issuesOf({ ...good, fromAddress: 'atendimento' })).toEqual([
      ['fromAddress', 'enter the address replies are sent from'],
    ]);
    expect(issuesOf({ ...good, smtpHost: 'smtp://smtp.loja.example:587' })).toEqual([
      ['smtpHost', 'enter a host name such as smtp.example.com'],
    ]);
    expect(issuesOf({ ...good, smtpPort: 70_000 })).toEqual([['smtpPort', 'ports go up to 65535']]);
    expect(issuesOf({ ...good, smtpUser: 'loja' })).toEqual([
      ['smtpPassword', 'enter the password of the SMTP user'],
    ]);
    expect(issuesOf({ ...good, inboundToken: 'short' })).toEqual([
      ['inboundToken', 'use at least 16 characters'],
    ]);
    expect(issuesOf({ ...good, connectionTimeoutMs: 10 })).toEqual([
      ['connectionTimeoutMs', 'wait at least 1000 ms'],
    ]);
  });

  it('marks the password and the inbound token secret and exports its form', () => {
    expect(secretFieldsOf(emailChannel.settings)).toEqual(['smtpPassword', 'inboundToken']);
    const schema = settingsJsonSchema(emailChannel.settings) as {
      properties: Record<string, { label?: string; widget?: string }>;
    };
    expect(schema.properties.signature).toMatchObject({ label: 'Signature', widget: 'textarea' });
    expect(schema.properties.smtpPassword?.widget).toBe('secret');
  });

  it('writes replies as “Re:” once, with the signature under “-- ”', () => {
    expect(replySubject('Pedido 42')).toBe('Re: Pedido 42');
    expect(replySubject('RE: Re: Pedido 42')).toBe('Re: Pedido 42');
    expect(replySubject(null)).toBe('Re:');
    expect(replyText('Olá', 'Loja\n')).toBe('Olá\n\n-- \nLoja');
    expect(replyText('Olá', '  ')).toBe('Olá');
  });

  it('has one audience and no evaluation: private notes and evaluation requests are refused', () => {
    const registry = registryOf([triggerRuntime, requestEvaluationRuntime], [emailChannel]);
    const flow = buildFlow([{ id: 'start', type: 'trigger' }], []);
    const result = runFlow(
      flow,
      [
        script.reply('Nota interna', 'private'),
        script.reply('Resolvido!'),
        script.requestEvaluation(),
      ],
      { registry, channel: 'email' },
    );
    expect(result.rejections.map((rejection) => rejection.code)).toEqual([
      'CHANNEL_VISIBILITY_UNSUPPORTED',
      'CHANNEL_EVALUATION_UNSUPPORTED',
    ]);
    expect(
      result.transcript.entries
        .filter((entry) => entry.kind === 'message')
        .map((entry) => [entry.visibility, entry.text]),
    ).toEqual([['public', 'Resolvido!']]);
  });
});
