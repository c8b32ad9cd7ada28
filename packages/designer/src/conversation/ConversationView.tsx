import { useMemo } from 'react';
import { conversationsApi } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';
import { ReputationPanel } from '../connections/ReputationPanel';
import { agentNamesOf } from './agent-names';
import { channelActionsOf, moderationReasonsOf } from './channel-actions';
import { ChannelActionsBar } from './ChannelActionsBar';
import { ChannelFactsHeader } from './ChannelFactsHeader';
import { Composer } from './Composer';
import { composerState, policiesOf } from './composer-rules';
import { ConversationActions } from './ConversationActions';
import { ModerationForm } from './ModerationForm';
import { RefusalNotice } from './RefusalNotice';
import { Transcript } from './Transcript';
import { useConversation } from './use-conversation';

/** One conversation: its channel's facts, the transcript, the composer and the agent's actions. */
export function ConversationView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useI18n();
  const { detail, options, refusal, isBusy, act, api, userId } = useConversation(id, onChanged);
  const channel = detail ? designerRegistry.channel(detail.channel) : undefined;
  const state = useMemo(
    () => (detail && options ? composerState(policiesOf(channel, detail), options) : null),
    [detail, options, channel],
  );
  if (!detail || !state)
    return refusal ? <RefusalNotice refusal={refusal} /> : <p>{t('app.loading')}</p>;
  const reasons = moderationReasonsOf(channel);
  const isOpen = detail.status !== 'closed';
  return (
    <article className="conversation" data-testid="conversation" data-conversation-id={detail.id}>
      <ChannelFactsHeader detail={detail} now={Date.now()} />
      {refusal && <RefusalNotice refusal={refusal} />}
      <Transcript messages={detail.transcript} agentNames={agentNamesOf(detail)} />
      <Composer
        conversationId={id}
        state={state}
        isBusy={isBusy}
        onSend={(text, visibility, attachments) =>
          act(() =>
            conversationsApi.reply(api, id, {
              text,
              visibility,
              ...(attachments.length ? { attachments } : {}),
            }),
          )
        }
      />
      <ConversationActions
        detail={detail}
        userId={userId}
        state={state}
        isBusy={isBusy}
        onTake={() => void act(() => conversationsApi.take(api, id))}
        onRequestEvaluation={() => void act(() => conversationsApi.requestEvaluation(api, id))}
        onTransfer={(sector) => void act(() => conversationsApi.transfer(api, id, sector))}
        onClose={(solution) =>
          void act(() => conversationsApi.close(api, id, solution || undefined))
        }
      />
      {isOpen && reasons && (
        <ModerationForm
          conversationId={id}
          reasons={reasons}
          isBusy={isBusy}
          onSubmit={(request) => act(() => conversationsApi.requestModeration(api, id, request))}
        />
      )}
      <ChannelActionsBar
        actions={channelActionsOf(channel)}
        isBusy={isBusy}
        onAction={(action, payload) => act(() => conversationsApi.action(api, id, action, payload))}
      />
      {detail.channel === 'reclame-aqui' && <ReputationPanel conversationId={id} />}
    </article>
  );
}
