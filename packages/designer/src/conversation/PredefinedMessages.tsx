import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import {
  addPredefined,
  parsePredefined,
  predefinedStorageKey,
  removePredefined,
} from './predefined-messages';

/** The agent's predefined messages (kept in this browser): pick one, save the draft as one. */
export function PredefinedMessages({
  text,
  onPick,
}: {
  text: string;
  onPick: (text: string) => void;
}) {
  const { t } = useI18n();
  const [list, setList] = useState(() =>
    parsePredefined(localStorage.getItem(predefinedStorageKey)),
  );
  const store = (next: string[]) => {
    localStorage.setItem(predefinedStorageKey, JSON.stringify(next));
    setList(next);
  };
  return (
    <div className="row wrap">
      <select
        aria-label={t('predefined.pick')}
        value=""
        onChange={(e) => e.target.value && onPick(e.target.value)}
      >
        <option value="">{t('predefined.pick')}</option>
        {list.map((m) => (
          <option key={m} value={m}>
            {m.length > 60 ? `${m.slice(0, 60)}…` : m}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => store(addPredefined(list, text))}
      >
        {t('predefined.save')}
      </button>
      {list.includes(text.trim()) && (
        <button type="button" onClick={() => store(removePredefined(list, text.trim()))}>
          {t('predefined.remove')}
        </button>
      )}
    </div>
  );
}
