import { useI18n } from '../i18n/I18nProvider';
import { hasOverlayBadges, type NodeOverlay } from './canvas-overlay';
import './overlay.css';

/** The marks a side panel puts on a node: diff kind, visits and drop-off, "here now". */
export function NodeOverlayBadges({ overlay }: { overlay: NodeOverlay }) {
  const { t } = useI18n();
  const { diff, visits, dropOff, isActive } = overlay;
  if (!hasOverlayBadges(overlay)) return null;
  return (
    <div className="flow-node-overlay">
      {isActive && <span className="overlay-badge overlay-active">{t('overlay.here')}</span>}
      {diff && (
        <span className={`overlay-badge overlay-diff-${diff}`} data-testid="node-diff">
          {t(`overlay.diff.${diff}`)}
        </span>
      )}
      {visits !== undefined && (
        <span className="overlay-badge overlay-visits" data-testid="node-visits">
          {t('overlay.visits', { count: visits })}
        </span>
      )}
      {dropOff !== undefined && dropOff > 0 && (
        <span className="overlay-badge overlay-drop" data-testid="node-drop-off">
          {t('overlay.dropOff', { count: dropOff })}
        </span>
      )}
    </div>
  );
}
