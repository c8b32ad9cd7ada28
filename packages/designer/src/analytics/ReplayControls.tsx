import { useI18n } from '../i18n/I18nProvider';
import type { Replay } from './use-analytics';

/** Steps through a past conversation's path, one node at a time. */
export function ReplayControls({
  replay,
  onStep,
  onClose,
}: {
  replay: Replay;
  onStep: (delta: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const step = replay.steps[replay.index];
  const { conversation } = replay;
  return (
    <section className="replay" data-testid="replay">
      <strong>
        {t('analytics.replayOf', { name: conversation.subject ?? conversation.externalId })}
      </strong>
      {step ? (
        <p data-testid="replay-step">
          {t('analytics.step', {
            index: replay.index + 1,
            total: replay.steps.length,
            node: step.nodeId,
            event: step.event,
          })}
        </p>
      ) : (
        <p>{t('analytics.noSteps')}</p>
      )}
      <div className="sim-row">
        <button type="button" disabled={replay.index === 0} onClick={() => onStep(-1)}>
          {t('analytics.previous')}
        </button>
        <button
          type="button"
          disabled={replay.index >= replay.steps.length - 1}
          onClick={() => onStep(1)}
        >
          {t('analytics.next')}
        </button>
        <button type="button" onClick={onClose}>
          {t('analytics.closeReplay')}
        </button>
      </div>
    </section>
  );
}
