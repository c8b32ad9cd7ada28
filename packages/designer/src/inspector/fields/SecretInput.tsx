import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

/** A secret (token, password): masked unless shown on purpose. */
export function SecretInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const [isShown, setShown] = useState(false);
  return (
    <div className="row">
      <input
        id={id}
        type={isShown ? 'text' : 'password'}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="button" onClick={() => setShown(!isShown)}>
        {isShown ? t('inspector.secretHide') : t('inspector.secretShow')}
      </button>
    </div>
  );
}
