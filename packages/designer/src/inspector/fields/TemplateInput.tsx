import { useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { insertPlaceholder } from '../template-variables';

/** A message template: text with a `{{variable}}` picker that inserts at the cursor. */
export function TemplateInput({
  id,
  value,
  variables,
  onChange,
}: {
  id: string;
  value: string;
  variables: readonly string[];
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const insert = (name: string) => {
    const element = area.current;
    const next = insertPlaceholder(value, name, element?.selectionStart, element?.selectionEnd);
    onChange(next.text);
    requestAnimationFrame(() => element?.setSelectionRange(next.cursor, next.cursor));
  };
  return (
    <div className="template-input">
      <textarea
        id={id}
        ref={area}
        value={value}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
      />
      <select
        aria-label={t('inspector.variables')}
        value=""
        onChange={(e) => {
          if (e.target.value) insert(e.target.value);
        }}
      >
        <option value="">{`{{ }} ${t('inspector.variables')}`}</option>
        {variables.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
