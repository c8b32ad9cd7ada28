import { useState } from 'react';
import type { ConversationDetail } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';
import { BlockedReason } from './BlockedReason';
import type { ComposerState } from './composer-rules';

/** Take, transfer, request evaluation and close with a solution: the actions every channel has. */
export function ConversationActions({
  detail,
  userId,
  state,
  isBusy,
  onTake,
  onRequestEvaluation,
  onTransfer,
  onClose,
}: {
  detail: ConversationDetail;
  userId: string | null;
  state: ComposerState;
  isBusy: boolean;
  onTake: () => void;
  onRequestEvaluation: () => void;
  onTransfer: (sector: string) => void;
  onClose: (solution: string) => void;
}) {
  const { t } = useI18n();
  const [solution, setSolution] = useState('');
  const [sector, setSector] = useState('');
  const isClosed = detail.status === 'closed';
  const isMine = detail.assignee !== null && detail.assignee === userId;
  return (
    <div className="actions" data-testid="conversation-actions">
      {!isClosed && !isMine && (
        <button type="button" className="primary" disabled={isBusy} onClick={onTake}>
          {t('actions.take')}
        </button>
      )}
      {isMine && <span className="muted small">{t('actions.yours')}</span>}
      {state.evaluation && (
        <>
          <button
            type="button"
            disabled={isBusy || state.evaluation.blocked !== null}
            onClick={onRequestEvaluation}
          >
            {t('actions.requestEvaluation')}
          </button>
          {state.evaluation.blocked && !isClosed && (
            <BlockedReason blocked={state.evaluation.blocked} testId="evaluation-blocked" />
          )}
        </>
      )}
      {!isClosed && (
        <form
          className="row"
          data-testid="transfer"
          onSubmit={(e) => {
            e.preventDefault();
            if (sector.trim()) onTransfer(sector.trim());
          }}
        >
          <input
            aria-label={t('actions.transferTo')}
            placeholder={t('actions.transferTo')}
            value={sector}
            maxLength={200}
            onChange={(e) => setSector(e.target.value)}
          />
          <button type="submit" disabled={isBusy || !sector.trim()}>
            {t('actions.transfer')}
          </button>
        </form>
      )}
      {!isClosed && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            onClose(solution.trim());
          }}
        >
          <input
            aria-label={t('actions.solution')}
            placeholder={t('actions.solution')}
            value={solution}
            maxLength={200}
            onChange={(e) => setSolution(e.target.value)}
          />
          <button type="submit" disabled={isBusy}>
            {t('actions.close')}
          </button>
        </form>
      )}
      {isClosed && detail.solution && (
        <span className="small">{t('actions.closedWith', { solution: detail.solution })}</span>
      )}
    </div>
  );
}
