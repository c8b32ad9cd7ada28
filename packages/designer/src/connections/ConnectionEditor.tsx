import { settingsJsonSchema, type ChannelDefinition } from '@attendflow/engine';
import { useMemo, useState, type FormEvent } from 'react';
import { connectionsApi, type Connection, type ConnectionCheck } from '../api/connections-api';
import type { FlowSummary } from '../api/flows-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { ObjectFields } from '../inspector/Field';
import type { FieldSchema } from '../inspector/field-schema';
import { setIn } from '../inspector/value-path';
import { refusalOf } from '../conversation/refusal';
import {
  companyPagesOf,
  groupsOf,
  pageOptions,
  initialSettings,
  policyTips,
  settingsIssues,
  settingsToSend,
} from './connection-form';
import { TestResult } from './TestResult';

/** Chosen from the test's company pages, not typed: drawn apart from the generated form. */
const companyPageField = 'companyPageId';

/** Creates or edits a connection with the form generated from the channel's settings schema. */
export function ConnectionEditor({
  channel,
  connection,
  flows,
  onSaved,
  onCancel,
}: {
  channel: ChannelDefinition;
  connection: Connection | null;
  flows: readonly FlowSummary[];
  onSaved: (saved: Connection) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const schema = useMemo(() => settingsJsonSchema(channel.settings) as FieldSchema, [channel]);
  const secretFields = useMemo(
    () =>
      Object.entries(schema.properties ?? {})
        .filter(([, f]) => f.secret)
        .map(([k]) => k),
    [schema],
  );
  const secretsSet = connection?.secretsSet ?? [];
  const [name, setName] = useState(connection?.name ?? channel.label);
  const [values, setValues] = useState(() => initialSettings(schema, connection?.settings));
  const [flowId, setFlowId] = useState(connection?.flowId ?? '');
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState<Array<{ companyId: string; name: string }>>([]);
  const toSend = settingsToSend(schema, values, secretFields);
  const issues = settingsIssues(channel.settings, toSend, secretsSet);
  const hasCompanyPage = Object.hasOwn(schema.properties ?? {}, companyPageField);
  const chosenPage = values[companyPageField];

  const test = async () => {
    setCheck(null);
    try {
      // Saved secrets never come back: an edited connection is tested as saved.
      const answer = connection
        ? await connectionsApi.test(api, connection.id)
        : await connectionsApi.testUnsaved(api, channel.type, toSend);
      setCheck(answer);
      const found = companyPagesOf(answer.facts);
      if (found.length > 0) setPages(found);
    } catch (e) {
      setError(refusalOf(e).message);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const body = { name, settings: toSend, ...(flowId ? { flowId } : {}) };
      const saved = connection
        ? await connectionsApi.update(api, connection.id, { ...body, flowId: flowId || null })
        : await connectionsApi.create(api, { type: channel.type, ...body });
      onSaved(saved);
    } catch (e) {
      setError(refusalOf(e).message);
    }
  };
  return (
    <form
      className="card connection-editor"
      data-testid="connection-editor"
      onSubmit={(e) => void submit(e)}
    >
      <h2>
        {connection
          ? t('connections.edit', { name: connection.name })
          : t('connections.new', { channel: channel.label })}
      </h2>
      {policyTips(channel.policies).length > 0 && (
        <div className="banner" data-testid="channel-tip">
          <strong>{t('tip.title')}</strong>
          <ul>
            {policyTips(channel.policies).map((tip) => (
              <li key={tip.key}>{t(tip.key, tip.params)}</li>
            ))}
          </ul>
        </div>
      )}
      <label>
        {t('connections.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('connections.flow')}
        <select value={flowId} onChange={(e) => setFlowId(e.target.value)}>
          <option value="">{t('connections.noFlow')}</option>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      {groupsOf(schema).map((group) => (
        <fieldset key={group.name ?? ''}>
          {group.name && <legend>{group.name}</legend>}
          <ObjectFields
            schema={group.schema}
            root={schema}
            path={[]}
            value={values}
            onChange={(path, value) =>
              setValues((v) => setIn(v, path, value) as Record<string, unknown>)
            }
            errors={issues}
            variables={[]}
            omit={companyPageField}
          />
          {Object.keys(group.schema.properties ?? {})
            .filter((key) => secretsSet.includes(key))
            .map((key) => (
              <p key={key} className="small muted" data-testid={`secret-set-${key}`}>
                {t('connections.secretSet', { field: schema.properties?.[key]?.label ?? key })}
              </p>
            ))}
          {hasCompanyPage && Object.hasOwn(group.schema.properties ?? {}, companyPageField) && (
            <label>
              {schema.properties?.[companyPageField]?.label ?? companyPageField}
              <select
                value={typeof chosenPage === 'string' ? chosenPage : ''}
                onChange={(e) => setValues((v) => ({ ...v, [companyPageField]: e.target.value }))}
              >
                <option value="">{t('connections.allPages')}</option>
                {pageOptions(pages, values[companyPageField]).map((p) => (
                  <option key={p.companyId} value={p.companyId}>
                    {p.name ? `${p.name} (${p.companyId})` : p.companyId}
                  </option>
                ))}
              </select>
              <span className="help small muted">{t('connections.pagesHelp')}</span>
            </label>
          )}
        </fieldset>
      ))}
      {check && (
        <TestResult
          check={check}
          onChoosePage={(companyId, pageName) =>
            setValues((v) => ({
              ...v,
              [companyPageField]: companyId,
              ...(schema.properties?.['companyName'] ? { companyName: pageName } : {}),
            }))
          }
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void test()} data-testid="connection-test">
          {t('connections.test')}
        </button>
        <button type="submit" className="primary" disabled={issues.size > 0}>
          {t('connections.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('connections.cancel')}
        </button>
      </div>
    </form>
  );
}
