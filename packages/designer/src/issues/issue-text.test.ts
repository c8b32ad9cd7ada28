import { flowIssueCodes } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../i18n/translate';
import { issueText } from './issue-text';

const tOf =
  (locale: Locale) =>
  (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);

describe('issueText', () => {
  it('words an issue in pt-BR from its code and params', () => {
    const issue = {
      code: flowIssueCodes.automaticVisibility,
      message:
        'auto-message "ack": this message is public, but on Reclame Aqui automatic messages are private: it will be sent privately',
      params: {
        node: 'auto-message "ack"',
        channel: 'Reclame Aqui',
        visibility: 'public',
        automaticVisibility: 'private',
      },
    };
    expect(issueText(issue, tOf('pt-BR'))).toBe(
      'esta mensagem está marcada como pública, mas no Reclame Aqui toda mensagem automática é privada: ela será enviada como privada',
    );
    expect(issueText(issue, tOf('en'))).toContain(
      'this message is public, but on Reclame Aqui automatic messages are private',
    );
  });

  it('names the other nodes an issue points at with nameNode', () => {
    const issue = {
      code: flowIssueCodes.cycleWithoutWait,
      message: 'set-variable "a", route "r" form a loop …',
      params: { nodes: 'set-variable "a", route "r"', nodeIds: 'a, r', count: 2, more: 0 },
    };
    expect(issueText(issue, tOf('pt-BR'), (id) => `“${id.toUpperCase()}”`)).toBe(
      'um laço de 2 nó(s) (“A”, “R”) nunca espera por um evento: ele rodaria para sempre. Inclua no laço um nó que espere',
    );
  });

  it('falls back to the engine message for an unknown code or a missing param', () => {
    const t = tOf('pt-BR');
    expect(issueText({ code: 'PLUGIN_THING', message: 'plugin says no' }, t)).toBe(
      'plugin says no',
    );
    expect(
      issueText({ code: flowIssueCodes.bodyTooLong, message: 'too long', params: { max: 5 } }, t),
    ).toBe('too long');
  });
});
