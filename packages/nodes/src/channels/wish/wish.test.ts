import { describe, expect, it } from 'vitest';
import { secretFieldsOf } from '@attendflow/engine';
import { runFlow, script } from '@attendflow/engine/testing';
import { buildFlow } from '../../testing/flow-builder.js';
import { registryOf } from '../../testing/registry-of.js';
import { autoMessageRuntime } from '../../nodes/auto-message/runtime.js';
import { humanHandoffRuntime } from '../../nodes/human-handoff/runtime.js';
import { triggerRuntime } from '../../nodes/trigger/runtime.js';
import { wish } from './definition.js';

const registry = registryOf([triggerRuntime, autoMessageRuntime, humanHandoffRuntime], [wish]);
const HOUR = 3_600_000;

const issuesOf = (value: unknown) =>
  wish.settings
    .safeParse(value)
    .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('wish channel', () => {
  it('accepts good settings and fills the defaults', () => {
    expect(wish.settings.parse({ accessToken: 'tok' })).toEqual({
      apiBaseUrl: 'https://merchant.wish.com/api/v2',
      accessToken: 'tok',
      syncIntervalMinutes: 15,
      categories: ['pre-purchase', 'post-purchase', 'post-customer-support'],
      requestTimeoutMs: 15_000,
      defaultLanguage: 'en',
    });
    expect(
      wish.settings.parse({
        accessToken: 'tok',
        defaultLanguage: 'pt-BR',
        syncIntervalMinutes: 60,
      }),
    ).toMatchObject({
      defaultLanguage: 'pt-BR',
    });
  });

  it('rejects bad settings naming the field', () => {
    expect(issuesOf({ accessToken: '  ' })).toEqual([
      ['accessToken', 'enter the access token of your Wish merchant app'],
    ]);
    expect(issuesOf({ accessToken: 'tok', syncIntervalMinutes: 2 })).toEqual([
      ['syncIntervalMinutes', 'sync at most every 5 minutes'],
    ]);
    expect(issuesOf({ accessToken: 'tok', defaultLanguage: 'english' })).toEqual([
      ['defaultLanguage', 'use a language code such as "en" or "pt-BR"'],
    ]);
    expect(issuesOf({ accessToken: 'tok', categories: [] })).toEqual([
      ['categories', 'choose at least one ticket category'],
    ]);
    expect(issuesOf({ accessToken: 'tok', apiBaseUrl: 'wish' })).toEqual([
      ['apiBaseUrl', 'enter the API address'],
    ]);
  });

  it('marks the access token as the secret', () => {
    expect(secretFieldsOf(wish.settings)).toEqual(['accessToken']);
  });

  it('checks the ticket actions’ payloads', () => {
    const actions = wish.actions;
    expect(Object.keys(actions)).toEqual([
      'ticket.close',
      'ticket.appeal',
      'ticket.reopen',
      'ticket.reply-and-resolve',
    ]);
    expect(
      actions['ticket.reply-and-resolve']?.payload.safeParse({ reply: 'x'.repeat(2001) }).success,
    ).toBe(false);
    expect(actions['ticket.close']?.payload.safeParse({}).success).toBe(true);
    expect(actions['ticket.appeal']?.payload.safeParse({ note: 'x' }).success).toBe(false);
    const reopen = actions['ticket.reopen']?.payload.safeParse({ reply: '' });
    expect(reopen?.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['reply'], 'write the message sent with the re-opening'],
    ]);
  });

  it('blocks a bot message right after another, keeps the 48 h deadline and refuses a reply over 2000 characters', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        {
          id: 'ack',
          type: 'auto-message',
          settings: { text: 'Olá! Recebemos seu ticket.', visibility: 'public' },
        },
        {
          id: 'more',
          type: 'auto-message',
          settings: { text: 'Responderemos em até 48 h.', visibility: 'public' },
        },
        { id: 'handoff', type: 'human-handoff', settings: { sector: 'Wish' } },
      ],
      ['start.next -> ack', 'ack.next -> more', 'more.next -> handoff'],
    );
    const started = runFlow(flow, [], {
      registry,
      channel: 'wish',
      start: { text: 'Where is my order?' },
    });
    expect(started.transcript.lines()).toEqual([
      '+0:00:00  customer              «Where is my order?»',
      '+0:00:00  bot           public  «Olá! Recebemos seu ticket.»  (ack)',
      '+0:00:00  bot                   ⊘ blocked: «Responderemos em até 48 h.»: this channel takes a reply only while the conversation awaits the company [CHANNEL_NOT_AWAITING_COMPANY]  (more)',
      '+0:00:00  system                ■ sector=Wish queue=Wish',
    ]);

    const result = runFlow(
      flow,
      [
        script.wait('1h'),
        script.customer('Hello?'),
        script.reply('x'.repeat(2001)),
        script.reply('y'.repeat(2000)),
      ],
      { registry, channel: 'wish', start: { text: 'Where is my order?' } },
    );
    expect(result.rejections.map(({ code, message }) => [code, message])).toEqual([
      ['CHANNEL_BODY_TOO_LONG', 'the message has 2001 characters; this channel takes at most 2000'],
    ]);
    expect(result.transcript.messages.at(-1)).toMatchObject({ who: 'agent:agent-1', at: HOUR });
    expect(result.at).toBe('$ended');
    // The customer's message set the 48 h deadline; the answer cleared it.
    const deadlines = result.effects.flatMap((effect) =>
      effect.kind === 'conversation.update' && 'answerDueAt' in effect.changes
        ? [effect.changes.answerDueAt]
        : [],
    );
    const origin = Date.parse('2026-01-05T12:00:00Z');
    expect(deadlines).toEqual([origin + 48 * HOUR, null, origin + 49 * HOUR, null]);
  });

  it('replies and resolves in one agent action: the reply under the rules, then the close', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'trigger' },
        { id: 'handoff', type: 'human-handoff', settings: { sector: 'Wish' } },
      ],
      ['start.next -> handoff'],
    );
    const resolve = (reply: string) => ({
      type: 'agent.action' as const,
      agentId: 'agent-1',
      action: 'ticket.reply-and-resolve',
      payload: { reply },
    });
    const result = runFlow(flow, [script.wait('1h'), resolve('Ihr Paket kommt morgen.')], {
      registry,
      channel: 'wish',
      start: { text: 'Wo ist meine Bestellung?' },
    });
    expect(result.rejections).toEqual([]);
    const outbound = result.effects.flatMap((effect) =>
      effect.kind === 'message'
        ? [`message ${effect.author} «${effect.text}»`]
        : effect.kind === 'channel.action'
          ? [`action ${effect.action} ${JSON.stringify(effect.payload)}`]
          : [],
    );
    expect(outbound).toEqual([
      'message agent «Ihr Paket kommt morgen.»',
      'action ticket.reply-and-resolve {}',
    ]);
    expect(result.conversation).toMatchObject({ status: 'closed', answerDueAt: null });

    // Awaiting the buyer, the reply (and so the whole action) is refused.
    const twice = runFlow(flow, [resolve('Erste Antwort'), resolve('Zweite')], {
      registry,
      channel: 'wish',
      start: { text: 'Wo ist meine Bestellung?' },
    });
    expect(twice.rejections.map(({ code }) => code)).toEqual(['CHANNEL_CLOSED']);
    const awaitingBuyer = runFlow(
      buildFlow(
        [
          { id: 'start', type: 'trigger' },
          { id: 'ack', type: 'auto-message', settings: { text: 'Danke!' } },
          { id: 'handoff', type: 'human-handoff', settings: { sector: 'Wish' } },
        ],
        ['start.next -> ack', 'ack.next -> handoff'],
      ),
      [resolve('Antwort')],
      { registry, channel: 'wish', start: { text: 'Wo ist meine Bestellung?' } },
    );
    expect(awaitingBuyer.rejections.map(({ code }) => code)).toEqual([
      'CHANNEL_NOT_AWAITING_COMPANY',
    ]);
    expect(awaitingBuyer.conversation.status).not.toBe('closed');
  });
});
