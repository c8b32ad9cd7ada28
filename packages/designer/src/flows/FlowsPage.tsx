import { localizeChannel } from '@attendflow/engine';
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { flowsApi, type FlowSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { navigate } from '../app/use-route';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';

const channels = [...designerRegistry.channels.values()];

/** The flows: list, create (for a channel), import. */
export function FlowsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    flowsApi.list(api).then(setFlows, (e: unknown) => setError(String(e)));
  }, [api]);
  useEffect(load, [load]);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    // Cleared at once, so picking the same file again (after fixing it) imports it again.
    input.value = '';
    try {
      const body = JSON.parse(await file.text()) as Record<string, unknown>;
      const created = await flowsApi.importFlow(api, body);
      navigate({ name: 'flow', id: created.id });
    } catch (e) {
      setError(t('flows.importFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('flows.title')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('flows.create')}
        </button>
        <label className="button">
          {t('flows.import')}
          <input
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) => void importFile(e)}
          />
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {creating && <CreateFlowForm onCancel={() => setCreating(false)} />}
      {flows === null ? (
        <p>{t('app.loading')}</p>
      ) : flows.length === 0 ? (
        <p>{t('flows.empty')}</p>
      ) : (
        <ul className="flow-list" data-testid="flow-list">
          {flows.map((flow) => (
            <li key={flow.id}>
              <a
                href={`/flows/${flow.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'flow', id: flow.id });
                }}
              >
                {flow.name}
              </a>
              <span className="muted">
                {flow.latestVersion === null
                  ? t('flows.unpublished')
                  : t('flows.published', { version: flow.latestVersion })}
                {' · '}
                {t('flows.revision', { revision: flow.revision })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateFlowForm({ onCancel }: { onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState(t('flows.newName'));
  const [channel, setChannel] = useState(channels[0]?.type ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    flowsApi
      .create(api, name)
      .then((created) =>
        channel
          ? flowsApi.saveDraft(api, created.id, { ...created.draft, channel }, created.revision)
          : created,
      )
      .then(
        (created) => {
          navigate({ name: 'flow', id: created.id });
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
  };
  return (
    <form className="card create-flow" onSubmit={submit} aria-label={t('flows.create')}>
      <label>
        {t('flows.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('flows.channel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value)}>
          {channels.map((c) => (
            <option key={c.type} value={c.type}>
              {localizeChannel(c, locale).label}
            </option>
          ))}
          <option value="">{t('designer.noChannel')}</option>
        </select>
      </label>
      {error && <p className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary">
          {t('flows.createSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('flows.cancel')}
        </button>
      </div>
    </form>
  );
}
