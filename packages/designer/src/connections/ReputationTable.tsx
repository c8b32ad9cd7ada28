import { useI18n } from '../i18n/I18nProvider';
import type { ReputationPeriod } from './connection-form';

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);
const plain = (value: number | null) => (value === null ? '—' : String(value));

/** Reclame Aqui's reputation indicators, one row per period (6 months, 12 months …). */
export function ReputationTable({ periods }: { periods: readonly ReputationPeriod[] }) {
  const { t } = useI18n();
  if (periods.length === 0) return <p className="muted small">{t('reputation.none')}</p>;
  return (
    <table data-testid="reputation">
      <thead>
        <tr>
          <th>{t('reputation.period')}</th>
          <th>{t('reputation.reputation')}</th>
          <th>{t('reputation.responseIndex')}</th>
          <th>{t('reputation.solutions')}</th>
          <th>{t('reputation.dealAgain')}</th>
          <th>{t('reputation.grade')}</th>
          <th>{t('reputation.complaints')}</th>
          <th>{t('reputation.answered')}</th>
          <th>{t('reputation.notAnswered')}</th>
        </tr>
      </thead>
      <tbody>
        {periods.map((p) => (
          <tr key={p.period}>
            <td>{p.period}</td>
            <td>{p.reputation ?? '—'}</td>
            <td>{percent(p.responseIndex)}</td>
            <td>{percent(p.solutionsPercentage)}</td>
            <td>{percent(p.dealAgainPercentage)}</td>
            <td>{plain(p.finalGrade)}</td>
            <td>{plain(p.complaintsCount)}</td>
            <td>{plain(p.totalAnswered)}</td>
            <td>{plain(p.totalNotAnswered)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
