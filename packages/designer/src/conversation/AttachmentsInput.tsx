import type { Attachment } from '@attendflow/engine';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** Attachments by name and address (the channels fetch the file from its URL). */
export function AttachmentsInput({
  value,
  onChange,
}: {
  value: readonly Attachment[];
  onChange: (next: Attachment[]) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const isValid = name.trim() !== '' && /^https?:\/\/\S+$/i.test(url.trim());
  return (
    <fieldset className="attachments">
      <legend>{t('attachments.title')}</legend>
      <ul className="small">
        {value.map((a, i) => (
          <li key={`${a.url}-${i}`}>
            {a.name}{' '}
            <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('attachments.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="row wrap">
        <input
          aria-label={t('attachments.name')}
          placeholder={t('attachments.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <input
          aria-label={t('attachments.url')}
          placeholder="https://…"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button
          type="button"
          disabled={!isValid}
          onClick={() => {
            onChange([...value, { name: name.trim(), url: url.trim() }]);
            setName('');
            setUrl('');
          }}
        >
          {t('attachments.add')}
        </button>
      </div>
    </fieldset>
  );
}
