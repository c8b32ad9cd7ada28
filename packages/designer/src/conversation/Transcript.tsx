import type { TranscriptMessage } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';

/** The messages in order, each with its author and, where the channel has both, public/private. */
export function Transcript({
  messages,
  agentNames,
}: {
  messages: readonly TranscriptMessage[];
  agentNames: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  return (
    <ol className="transcript" data-testid="transcript">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`transcript-entry is-${m.direction}${m.visibility === 'private' ? ' is-private' : ''}`}
          data-author={m.author}
          data-visibility={m.visibility ?? ''}
        >
          <span className="small">
            <strong>
              {m.author === 'agent'
                ? (agentNames.get(m.agentId ?? '') ?? t('transcript.agent'))
                : t(`transcript.${m.author}`)}
            </strong>{' '}
            <span className="muted">{new Date(m.createdAt).toLocaleTimeString()}</span>
            {m.visibility && (
              <span className={`mark mark-${m.visibility}`}>{t(`visibility.${m.visibility}`)}</span>
            )}
            {m.state === 'pending' && <span className="mark">{t('transcript.pending')}</span>}
            {m.state === 'dead' && (
              <span className="mark mark-dead" title={m.error ?? ''}>
                {t('transcript.dead')}
              </span>
            )}
          </span>
          <p>{m.text}</p>
          {m.attachments.length > 0 && (
            <ul className="small">
              {m.attachments.map((a, i) => {
                const file = a as { name?: string; url?: string };
                return <li key={i}>{file.name ?? file.url}</li>;
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
