import type { TranscriptEntry } from '@attendflow/engine/testing';
import { formatOffset } from '@attendflow/engine/testing';
import { useI18n } from '../i18n/I18nProvider';
import { authorKind } from './transcript-view';

/** The simulated conversation, one line per entry, with author and visibility marks. */
export function SimulatorTranscript({ entries }: { entries: readonly TranscriptEntry[] }) {
  const { t } = useI18n();
  return (
    <ol className="sim-transcript" data-testid="sim-transcript">
      {entries.map((entry, index) => {
        const author = authorKind(entry.who);
        return (
          <li
            key={index}
            className={`sim-entry sim-${entry.kind} sim-by-${author}`}
            data-kind={entry.kind}
            data-author={author}
            data-visibility={entry.visibility ?? ''}
          >
            <span className="sim-meta">
              <span className="sim-time">{formatOffset(entry.at)}</span>
              <span className="sim-who">{t(`sim.who.${author}`)}</span>
              {entry.visibility && (
                <span className={`sim-visibility sim-${entry.visibility}`}>
                  {t(`sim.visibility.${entry.visibility}`)}
                </span>
              )}
              {entry.kind === 'refused' && <span className="sim-flag">{t('sim.refused')}</span>}
              {entry.kind === 'blocked' && <span className="sim-flag">{t('sim.blocked')}</span>}
              {entry.code && <code className="sim-code">{entry.code}</code>}
            </span>
            <span className="sim-text">{entry.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
