import { reclameAqui, webChat, wish } from '@attendflow/nodes/definitions';
import { describe, expect, it } from 'vitest';
import type { AgentOption, AgentOptions } from '../api/conversations-api';
import { composerState, draftBlock, policiesOf } from './composer-rules';

const ok: AgentOption = { allowed: true, code: null, message: null };
const no = (code: string): AgentOption => ({ allowed: false, code, message: `refused: ${code}` });
const options = (over: Partial<{ pub: AgentOption; priv: AgentOption; ev: AgentOption }> = {}) =>
  ({
    reply: { public: over.pub ?? ok, private: over.priv ?? ok },
    requestEvaluation: over.ev ?? ok,
    transfer: ok,
    close: ok,
  }) satisfies AgentOptions;
const byVisibility = (state: ReturnType<typeof composerState>) =>
  Object.fromEntries(state.visibilities.map((v) => [v.visibility, v.blocked?.code ?? 'ok']));

describe('composer state on Reclame Aqui, from the engine’s options', () => {
  it('offers public and private before the public answer; evaluation waits for it', () => {
    const state = composerState(
      reclameAqui.policies,
      options({ ev: no('CHANNEL_EVALUATION_BEFORE_ANSWER') }),
    );
    expect(byVisibility(state)).toEqual({ public: 'ok', private: 'ok' });
    expect(state.blocked).toBeNull();
    expect(state.preferred).toBe('public');
    expect(state.hasAttachments).toBe(true);
    expect(state.evaluation?.blocked?.code).toBe('CHANNEL_EVALUATION_BEFORE_ANSWER');
  });

  it('disables public after the one public answer, naming the limit, and keeps private', () => {
    const state = composerState(
      reclameAqui.policies,
      options({ pub: no('CHANNEL_PUBLIC_ANSWER_LIMIT') }),
    );
    expect(state.visibilities).toEqual([
      {
        visibility: 'public',
        blocked: { code: 'CHANNEL_PUBLIC_ANSWER_LIMIT', params: { max: 1 } },
      },
      { visibility: 'private', blocked: null },
    ]);
    expect(state.blocked).toBeNull();
    expect(state.preferred).toBe('private');
    expect(state.evaluation).toEqual({ blocked: null });
  });

  it('allows nothing after close: every option refused as receptive only', () => {
    const closed = no('CHANNEL_RECEPTIVE_ONLY');
    const state = composerState(
      reclameAqui.policies,
      options({ pub: closed, priv: closed, ev: closed }),
    );
    expect(state.blocked).toEqual({ code: 'CHANNEL_RECEPTIVE_ONLY' });
    expect(byVisibility(state)).toEqual({
      public: 'CHANNEL_RECEPTIVE_ONLY',
      private: 'CHANNEL_RECEPTIVE_ONLY',
    });
    expect(state.preferred).toBeNull();
    expect(state.evaluation?.blocked?.code).toBe('CHANNEL_RECEPTIVE_ONLY');
  });
});

describe('composer state on other channels', () => {
  it('Wish: public only, no evaluation, 2000 characters; blocked while not awaiting us', () => {
    const awaiting = composerState(wish.policies, options());
    expect(byVisibility(awaiting)).toEqual({ public: 'ok' });
    expect(awaiting.evaluation).toBeNull();
    expect(draftBlock(awaiting, 'a'.repeat(2001))).toEqual({
      code: 'CHANNEL_BODY_TOO_LONG',
      params: { length: 2001, max: 2000 },
    });
    expect(draftBlock(awaiting, 'ok')).toBeNull();
    const replied = composerState(
      wish.policies,
      options({ pub: no('CHANNEL_NOT_AWAITING_COMPANY') }),
    );
    expect(replied.blocked).toEqual({ code: 'CHANNEL_NOT_AWAITING_COMPANY' });
  });

  it('a closed web chat says closed; overrides of the start event apply to the policies', () => {
    const closed = composerState(
      webChat.policies,
      options({ pub: no('CHANNEL_CLOSED'), ev: no('CHANNEL_CLOSED') }),
    );
    expect(closed.blocked).toEqual({ code: 'CHANNEL_CLOSED' });
    const started = [
      {
        seq: 1,
        type: 'conversation.started',
        actor: null,
        payload: { policies: { attachments: false } },
        trace: [],
        effects: [],
        createdAt: '',
      },
    ];
    expect(policiesOf(reclameAqui, { events: started }).attachments).toBe(false);
  });
});
