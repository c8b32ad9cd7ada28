import { useI18n } from '../i18n/I18nProvider';
import { diffCounts, type DiffRow } from './diff-overlay';

/** The diff as a list; a row jumps to its node on the canvas (removed nodes are not there). */
export function DiffView({
  title,
  rows,
  onJump,
  onClose,
}: {
  title: string;
  rows: readonly DiffRow[];
  onJump: (nodeId: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const counts = diffCounts(rows);
  return (
    <section className="diff-view" data-testid="diff-view">
      <header className="diff-head">
        <strong>{title}</strong>
        <button type="button" onClick={onClose}>
          {t('diff.close')}
        </button>
      </header>
      <p className="muted small" data-testid="diff-summary">
        {rows.length === 0 ? t('diff.none') : t('diff.summary', counts)}
      </p>
      <ul className="diff-rows">
        {rows.map((row) => (
          <li
            key={`${row.kind}:${row.nodeId}`}
            className={`diff-row diff-${row.kind}`}
            data-kind={row.kind}
          >
            <button
              type="button"
              className="link"
              disabled={row.kind === 'removed'}
              onClick={() => onJump(row.nodeId)}
            >
              <span className={`overlay-badge overlay-diff-${row.kind}`}>
                {t(`diff.kind.${row.kind}`)}
              </span>{' '}
              {row.label ?? row.nodeId} <span className="muted small">({row.type})</span>
            </button>
            {row.fields.length > 0 && <div className="muted small">{row.fields.join(', ')}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
