import type { Effect, Rejection } from '../conversation/effects.js';
import type { ConversationEventInput } from '../conversation/events.js';
import type { Transcript } from './transcript.js';

/** Adds the inbound side of an event (and its refusal) to a transcript. */
export function recordEvent(
  transcript: Transcript,
  event: ConversationEventInput,
  at: number,
  rejection: Rejection | null,
): void {
  const agent =
    'agentId' in event && typeof event.agentId === 'string' ? `agent:${event.agentId}` : 'agent';
  if (rejection) {
    const what =
      event.type === 'agent.reply'
        ? `${event.visibility ?? 'public'} reply «${event.text}»`
        : event.type;
    transcript.add({
      at,
      kind: 'refused',
      who: agent,
      text: `${what}: ${rejection.message}`,
      code: rejection.code,
    });
    return;
  }
  switch (event.type) {
    case 'conversation.started':
      if (event.text !== undefined)
        transcript.add({ at, kind: 'message', who: 'customer', text: event.text });
      return;
    case 'customer.message':
      transcript.add({ at, kind: 'message', who: 'customer', text: event.text });
      return;
    case 'agent.took':
      transcript.add({ at, kind: 'status', who: agent, text: 'took the conversation' });
      return;
    case 'agent.transferred':
      transcript.add({ at, kind: 'status', who: agent, text: `transferred to ${event.sector}` });
      return;
    case 'customer.evaluated': {
      const parts = [
        event.score === undefined ? null : `score ${event.score}`,
        event.rating ?? null,
        event.resolved === undefined ? null : event.resolved ? 'resolved' : 'not resolved',
        event.comment ? `«${event.comment}»` : null,
      ].filter((part) => part !== null);
      transcript.add({
        at,
        kind: 'evaluation',
        who: 'customer',
        text: `evaluated: ${parts.join(', ')}`,
      });
      return;
    }
    case 'agent.reply':
    case 'agent.requested-evaluation':
    case 'agent.action':
    case 'agent.closed':
    case 'timer.fired':
      // Their visible outcome (a message, an action, a status) comes back as effects.
      return;
    default:
      return;
  }
}

/** Adds what a step did (messages, actions, status changes, alerts) to a transcript. */
export function recordEffects(
  transcript: Transcript,
  effects: Effect[],
  now: number,
  origin: number,
): void {
  let lastSent = now;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'message':
        lastSent = Math.max(lastSent, effect.notBefore);
        transcript.add({
          at: effect.notBefore - origin,
          kind: 'message',
          who: effect.author === 'agent' ? `agent:${effect.agentId ?? '?'}` : 'bot',
          visibility: effect.visibility,
          text: effect.text,
          ...(effect.nodeId === undefined ? {} : { nodeId: effect.nodeId }),
          ...(effect.adjustedBy.length > 0 ? { code: effect.adjustedBy.join(',') } : {}),
        });
        break;
      case 'message.blocked':
        transcript.add({
          at: now - origin,
          kind: 'blocked',
          who: 'bot',
          text: `«${effect.text}»: ${effect.reason}`,
          nodeId: effect.nodeId,
          code: effect.code,
        });
        break;
      case 'channel.action':
        lastSent = Math.max(lastSent, effect.notBefore);
        transcript.add({
          at: effect.notBefore - origin,
          kind: 'action',
          who: effect.author === 'agent' ? `agent:${effect.agentId ?? '?'}` : 'bot',
          text: effect.action,
          ...(effect.nodeId === undefined ? {} : { nodeId: effect.nodeId }),
        });
        break;
      case 'conversation.update': {
        const { status, sector, occurrenceType, occurrence, solution, queue } = effect.changes;
        const parts = Object.entries({
          status,
          sector,
          occurrenceType,
          occurrence,
          solution,
          queue,
        })
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${key}=${value === null ? '∅' : value}`);
        if (parts.length > 0) {
          // A close takes effect after the messages queued before it.
          const at = status === 'closed' ? lastSent : now;
          transcript.add({ at: at - origin, kind: 'status', who: 'system', text: parts.join(' ') });
        }
        break;
      }
      case 'alert':
        transcript.add({
          at: now - origin,
          kind: 'alert',
          who: 'system',
          text: effect.text,
          ...(effect.nodeId === undefined ? {} : { nodeId: effect.nodeId }),
          ...(effect.code === undefined ? {} : { code: effect.code }),
        });
        break;
      case 'flow.stopped':
        transcript.add({
          at: now - origin,
          kind: 'status',
          who: 'system',
          text: `flow ${effect.reason}`,
          ...(effect.code === undefined ? {} : { code: effect.code }),
        });
        break;
      case 'timer.arm':
      case 'timer.cancel':
        break;
    }
  }
}
