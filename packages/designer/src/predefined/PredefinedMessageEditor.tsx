import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { predefinedMessagesApi, type PredefinedMessage } from '../api/predefined-messages-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import { designerRegistry } from '../registry/designer-registry';
import {
  draftOf,
  emptyDraft,
  fieldIssuesOf,
  inputOf,
  isComplete,
  type PredefinedField,
} from './predefined-form';

const channels = [...designerRegistry.channels.values()];

/** Adds or changes one predefined message: title, text with placeholders, sector and channel. */
export function PredefinedMessageEditor({
  message,
  sectors,
  onSaved,
  onCancel,
}: {
  message: PredefinedMessage | null;
  sectors: readonly string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [draft, setDraft] = useState(() => (message ? draftOf(message) : emptyDraft));
  const [issues, setIssues] = useState<Partial<Record<PredefinedField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const set = (field: PredefinedField, value: string) => setDraft({ ...draft, [field]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setIssues({});
    try {
      const body = inputOf(draft);
      if (message) await predefinedMessagesApi.update(api, message.id, body);
      else await predefinedMessagesApi.create(api, body);
      onSaved();
    } catch (e) {
      setIssues(e instanceof ApiError ? fieldIssuesOf(e.details) : {});
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const issue = (field: PredefinedField) =>
    issues[field] && <span className="field-error small">{issues[field]}</span>;
  return (
    <form
      className="card predefined-editor"
      data-testid="predefined-editor"
      onSubmit={(e) => void submit(e)}
    >
      <h2>
        {message ? t('predefinedAdmin.edit', { title: message.title }) : t('predefinedAdmin.new')}
      </h2>
      <label>
        {t('predefinedAdmin.titleField')}
        <input value={draft.title} onChange={(e) => set('title', e.target.value)} required />
        {issue('title')}
      </label>
      <label>
        {t('predefinedAdmin.text')}
        <textarea
          rows={5}
          value={draft.text}
          onChange={(e) => set('text', e.target.value)}
          required
        />
        <span className="help small muted">
          {t('predefinedAdmin.textHelp', { example: '{{customer.name}}, {{subject}}' })}
        </span>
        {issue('text')}
      </label>
      <div className="row wrap">
        <label>
          {t('predefinedAdmin.sector')}
          <input
            value={draft.sector}
            list="predefined-sectors"
            placeholder={t('predefinedAdmin.anySector')}
            onChange={(e) => set('sector', e.target.value)}
          />
          <datalist id="predefined-sectors">
            {sectors.map((sector) => (
              <option key={sector} value={sector} />
            ))}
          </datalist>
          {issue('sector')}
        </label>
        <label>
          {t('predefinedAdmin.channel')}
          <select value={draft.channel} onChange={(e) => set('channel', e.target.value)}>
            <option value="">{t('predefinedAdmin.anyChannel')}</option>
            {channels.map((c) => (
              <option key={c.type} value={c.type}>
                {c.label}
              </option>
            ))}
          </select>
          {issue('channel')}
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={isSaving || !isComplete(draft)}>
          {t('predefinedAdmin.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('predefinedAdmin.cancel')}
        </button>
      </div>
    </form>
  );
}
