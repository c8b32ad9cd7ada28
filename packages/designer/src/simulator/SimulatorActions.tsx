import { formatOffset } from '@attendflow/engine/testing';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { SimulatorAction, SimulatorView } from './simulator-driver';

/** The customer's composer, the agent's actions and the clock. */
export function SimulatorActions({
  view,
  onAct,
}: {
  view: SimulatorView;
  onAct: (action: SimulatorAction) => void;
}) {
  const { t } = useI18n();
  const [customerText, setCustomerText] = useState('');
  const [agentText, setAgentText] = useState('');
  const [score, setScore] = useState(9);
  const [resolved, setResolved] = useState(true);
  const reply = (visibility: 'public' | 'private') => {
    if (!agentText.trim()) return;
    onAct({ kind: 'reply', text: agentText, visibility });
    setAgentText('');
  };
  return (
    <div className="sim-actions">
      <fieldset>
        <legend>{t('sim.asCustomer')}</legend>
        <form
          className="sim-row"
          onSubmit={(event) => {
            event.preventDefault();
            if (!customerText.trim()) return;
            onAct({ kind: 'customer', text: customerText });
            setCustomerText('');
          }}
        >
          <input
            aria-label={t('sim.customerMessage')}
            value={customerText}
            onChange={(e) => setCustomerText(e.target.value)}
          />
          <button type="submit">{t('sim.send')}</button>
        </form>
        <div className="sim-row">
          <label className="inline">
            {t('sim.score')}
            <input
              type="number"
              min={0}
              max={10}
              value={score}
              onChange={(e) => setScore(Number(e.target.value))}
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={resolved}
              onChange={(e) => setResolved(e.target.checked)}
            />
            {t('sim.resolved')}
          </label>
          <button type="button" onClick={() => onAct({ kind: 'evaluate', score, resolved })}>
            {t('sim.evaluate')}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('sim.asAgent')}</legend>
        <div className="sim-row">
          <button type="button" onClick={() => onAct({ kind: 'take' })}>
            {t('sim.take')}
          </button>
          <button type="button" onClick={() => onAct({ kind: 'request-evaluation' })}>
            {t('sim.requestEvaluation')}
          </button>
          <button type="button" onClick={() => onAct({ kind: 'close' })}>
            {t('sim.close')}
          </button>
        </div>
        <textarea
          aria-label={t('sim.agentMessage')}
          rows={2}
          value={agentText}
          onChange={(e) => setAgentText(e.target.value)}
        />
        <div className="sim-row">
          <button type="button" onClick={() => reply('public')}>
            {t('sim.replyPublic')}
          </button>
          <button type="button" onClick={() => reply('private')}>
            {t('sim.replyPrivate')}
          </button>
        </div>
      </fieldset>
      <button
        type="button"
        disabled={view.nextTimerIn === null}
        onClick={() => onAct({ kind: 'next-timer' })}
      >
        {view.nextTimerIn === null
          ? t('sim.noTimer')
          : t('sim.nextTimer', { time: formatOffset(view.nextTimerIn) })}
      </button>
    </div>
  );
}
