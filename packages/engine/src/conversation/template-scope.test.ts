import { describe, expect, it } from 'vitest';
import { blankContext } from './conversation-context.js';
import { renderTemplate } from './render-template.js';
import { templateScope } from './template-scope.js';

describe('templateScope', () => {
  const context = blankContext({ order: 'A-17', subject: 'shadowed' });
  context.fields = { ...context.fields, status: 'in-attendance', sector: 'SAC' };
  context.info = {
    ...context.info,
    channel: 'web-chat',
    externalId: 'session-1',
    subject: 'Pedido atrasado',
    customer: { name: 'Ana', fields: { cpf: '123' } },
    metadata: { store: 'Centro' },
  };

  it('names the variables, the customer, the conversation, the subject and the metadata', () => {
    expect(templateScope(context)).toEqual({
      order: 'A-17',
      subject: 'Pedido atrasado',
      variables: { order: 'A-17', subject: 'shadowed' },
      customer: { name: 'Ana', fields: { cpf: '123' } },
      conversation: {
        status: 'in-attendance',
        sector: 'SAC',
        occurrenceType: null,
        occurrence: null,
        solution: null,
        assignee: null,
        queue: null,
        answerDueAt: null,
        channel: 'web-chat',
        externalId: 'session-1',
      },
      metadata: { store: 'Centro' },
    });
  });

  it('is what templates render from', () => {
    const text =
      '{{customer.name}}, {{order}} ({{variables.subject}}): {{subject}} on {{conversation.channel}}, {{conversation.sector}}, {{metadata.store}}';
    expect(renderTemplate(text, templateScope(context))).toBe(
      'Ana, A-17 (shadowed): Pedido atrasado on web-chat, SAC, Centro',
    );
  });
});
