import { localizeChannel, type Rejection } from '@attendflow/engine';
import { formatOffset } from '@attendflow/engine/testing';
import { useState } from 'react';
import { nodeTitle } from '../canvas/describe-node';
import { useDesigner, useEditor } from '../editor/editor-context';
import { refusalText } from '../conversation/refusal-text';
import { useI18n } from '../i18n/I18nProvider';
import { SimulatorActions } from './SimulatorActions';
import { SimulatorTranscript } from './SimulatorTranscript';
import { useSimulator } from './use-simulator';
import './simulator.css';

/** Runs the draft in the browser: the admin plays the customer and the agent on a fake clock. */
export function SimulatorPanel() {
  const { t, locale } = useI18n();
  const { registry } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const { view, start, act, reset, startError } = useSimulator();
  if (!view) return <SimulatorStartForm onStart={start} error={startError} />;
  const node = flow.nodes.find((candidate) => candidate.id === view.at);
  const here = view.at.startsWith('$')
    ? t(view.at === '$closed' ? 'sim.at.closed' : 'sim.at.ended')
    : node
      ? nodeTitle(node, registry, locale)
      : view.at;
  return (
    <div className="simulator" data-testid="simulator">
      <div className="sim-status">
        <span data-testid="sim-at">{t('sim.at', { node: here })}</span>
        <span>{t('sim.status', { status: view.fields.status })}</span>
        <span>{t('sim.clock', { time: formatOffset(view.elapsed) })}</span>
        <button type="button" onClick={reset}>
          {t('sim.restart')}
        </button>
      </div>
      {view.rejection && <SimulatorRejection rejection={view.rejection} />}
      {view.error && (
        <p className="error" role="alert">
          {view.error}
        </p>
      )}
      <SimulatorTranscript entries={view.entries} />
      <SimulatorActions view={view} onAct={act} />
    </div>
  );
}

function SimulatorStartForm({
  onStart,
  error,
}: {
  onStart: (start: {
    channel: string;
    customerName: string;
    subject: string;
    text: string;
  }) => void;
  error: string | null;
}) {
  const { t, locale } = useI18n();
  const { registry, channel } = useEditor();
  const channels = [...registry.channels.values()];
  const [chosen, setChosen] = useState(channel ?? channels[0]?.type ?? '');
  const [customerName, setCustomerName] = useState('Ana');
  const [subject, setSubject] = useState(t('sim.defaultSubject'));
  const [text, setText] = useState(t('sim.defaultText'));
  return (
    <form
      className="simulator sim-start"
      data-testid="sim-start"
      onSubmit={(event) => {
        event.preventDefault();
        onStart({ channel: chosen, customerName, subject, text });
      }}
    >
      <p className="muted small">{t('sim.intro')}</p>
      <label>
        {t('sim.channel')}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {channels.map((c) => (
            <option key={c.type} value={c.type}>
              {localizeChannel(c, locale).label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sim.customerName')}
        <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
      </label>
      <label>
        {t('sim.subject')}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label>
        {t('sim.firstMessage')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      {error && (
        <p className="error" role="alert">
          {t('sim.cannotStart', { message: error })}
        </p>
      )}
      <button type="submit" className="primary">
        {t('sim.start')}
      </button>
    </form>
  );
}

/** A refusal by the channel's rules: in the UI language, with the engine's words when they differ. */
function SimulatorRejection({ rejection }: { rejection: Rejection }) {
  const { t } = useI18n();
  const text = refusalText(rejection.code, rejection.message, t, rejection.params);
  return (
    <p className="error" role="alert" data-testid="sim-rejection">
      {t('sim.rejected', { message: text, code: rejection.code })}
      {text !== rejection.message && <span className="small muted"> · {rejection.message}</span>}
    </p>
  );
}
