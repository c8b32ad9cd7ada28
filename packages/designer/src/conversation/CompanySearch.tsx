import { useState } from 'react';
import { channelQueriesApi, type CompanySearchAnswer } from '../api/channel-queries-api';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/I18nProvider';
import {
  appendCompanies,
  canSearchCompanies,
  hasMoreCompanies,
  type Company,
} from './company-search';

const pageSize = 10;

/**
 * Finds the company a complaint is meant for through the channel's `companies` query (Reclame
 * Aqui's moderation search). It searches when asked, not on every key: each search spends one of
 * the connection's few calls a minute.
 */
export function CompanySearch({
  conversationId,
  value,
  onChange,
}: {
  conversationId: string;
  value: Company | null;
  onChange: (company: Company | null) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [text, setText] = useState('');
  const [shown, setShown] = useState<Company[] | null>(null);
  const [last, setLast] = useState<{ q: string; answer: CompanySearchAnswer } | null>(null);
  const [isSearching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The first page of what is typed, or the next page of the last search. */
  const search = (page: number) => {
    const q = page === 1 ? text.trim() : (last?.q ?? '');
    if (!canSearchCompanies(q) || isSearching) return;
    setSearching(true);
    setError(null);
    channelQueriesApi
      .run<CompanySearchAnswer>(api, conversationId, 'companies', { q, page, limit: pageSize })
      .then(
        (answer) => {
          setLast({ q, answer });
          setShown((before) => appendCompanies(page === 1 ? [] : (before ?? []), answer.items));
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setSearching(false));
  };
  if (value)
    return (
      <p className="row wrap" data-testid="company-chosen">
        <span>{t('moderation.companyChosen', { name: value.name, id: value.companyId })}</span>
        <button type="button" onClick={() => onChange(null)}>
          {t('moderation.companyChange')}
        </button>
      </p>
    );
  return (
    <fieldset className="company-search" data-testid="company-search">
      <legend>{t('moderation.company')}</legend>
      <div className="row">
        <input
          type="search"
          value={text}
          aria-label={t('moderation.companySearch')}
          placeholder={t('moderation.companySearch')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter searches here; it must not send the moderation request.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            search(1);
          }}
        />
        <button
          type="button"
          disabled={!canSearchCompanies(text) || isSearching}
          onClick={() => search(1)}
        >
          {t('moderation.companySearchButton')}
        </button>
      </div>
      <span className="help small muted">{t('moderation.companyHelp')}</span>
      {shown?.length === 0 && <p className="small muted">{t('moderation.companyNone')}</p>}
      {shown && shown.length > 0 && (
        <ul className="company-results">
          {shown.map((company) => (
            <li key={company.companyId}>
              <button type="button" className="link" onClick={() => onChange(company)}>
                {company.name} <span className="muted small">#{company.companyId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {last && hasMoreCompanies(last.answer) && (
        <button type="button" disabled={isSearching} onClick={() => search(last.answer.page + 1)}>
          {t('moderation.companyMore')}
        </button>
      )}
      {error && <p className="error small">{error}</p>}
    </fieldset>
  );
}
