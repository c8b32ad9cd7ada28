import { useCallback, useEffect, useState } from 'react';
import { connectionsApi, type Connection } from '../api/connections-api';
import { flowsApi, type FlowSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';
import { ConnectionEditor } from './ConnectionEditor';
import { SyncProgress } from './SyncProgress';
import './connections.css';

const channels = [...designerRegistry.channels.values()];

/** Channel connections (admins): list, create, edit, enable / disable, sync status, the flow run. */
export function ConnectionsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [editing, setEditing] = useState<{ type: string; connection: Connection | null } | null>(
    null,
  );
  const [newType, setNewType] = useState(channels[0]?.type ?? '');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([connectionsApi.list(api), flowsApi.list(api)]).then(
      ([list, flowList]) => {
        setConnections(list);
        setFlows(flowList);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api]);
  useEffect(load, [load]);
  const channel = editing ? designerRegistry.channel(editing.type) : undefined;
  const flowName = (id: string | null) =>
    id === null ? t('connections.noFlow') : (flows.find((f) => f.id === id)?.name ?? id);
  const toggle = (c: Connection) =>
    connectionsApi
      .setEnabled(api, c.id, c.status === 'disabled')
      .then(load, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  return (
    <section className="page" data-testid="connections">
      <div className="page-head">
        <h1>{t('connections.title')}</h1>
        <select
          value={newType}
          onChange={(e) => setNewType(e.target.value)}
          aria-label={t('connections.channel')}
        >
          {channels.map((c) => (
            <option key={c.type} value={c.type}>
              {c.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          onClick={() => setEditing({ type: newType, connection: null })}
        >
          {t('connections.create')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {editing && channel && (
        <ConnectionEditor
          key={editing.connection?.id ?? editing.type}
          channel={channel}
          connection={editing.connection}
          flows={flows}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
      {connections === null ? (
        <p>{t('app.loading')}</p>
      ) : connections.length === 0 ? (
        <p>{t('connections.empty')}</p>
      ) : (
        <ul className="connection-list">
          {connections.map((c) => (
            <li key={c.id} className="card" data-connection-id={c.id}>
              <div className="row wrap">
                <strong>{c.name}</strong>
                <span className="badge">{designerRegistry.channel(c.type)?.label ?? c.type}</span>
                <span className={c.status === 'active' ? 'badge' : 'badge badge-warning'}>
                  {t(`connections.status.${c.status}`)}
                </span>
                <span className="small muted">
                  {t('connections.runs', { flow: flowName(c.flowId) })}
                </span>
                <span className="spacer" />
                <button type="button" onClick={() => setEditing({ type: c.type, connection: c })}>
                  {t('connections.editButton')}
                </button>
                <button type="button" onClick={() => void toggle(c)}>
                  {c.status === 'active' ? t('connections.disable') : t('connections.enable')}
                </button>
              </div>
              <p className="small muted">
                {t('connections.inbound', { url: `${window.location.origin}${c.inboundUrl}` })}
              </p>
              <SyncProgress connectionId={c.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
