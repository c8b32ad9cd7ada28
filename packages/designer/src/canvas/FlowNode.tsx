import type { NodeProps, Node } from '@xyflow/react';
import { memo, useContext, useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useIssueText } from '../issues/use-issue-text';
import type { NodeOverlay } from './canvas-overlay';
import { localizeView } from './describe-node';
import { FarZoomContext } from './far-zoom';
import { NodeHandles } from './NodeHandles';
import { NodeOverlayBadges } from './NodeOverlayBadges';
import { iconGlyph } from './node-icons';
import type { FlowNodeData } from './to-canvas';

/**
 * The one renderer of every node type: what it draws (title, icon, summary, one exit handle per
 * port) comes from the node's definition, so a new node type needs no canvas code. Its box (size,
 * rows, handles) is computed beforehand; zoomed far out only the box and its handles are drawn.
 */
export const FlowNode = memo(function FlowNode({
  data,
  selected,
}: NodeProps<Node<FlowNodeData, 'flow'>>) {
  const { t, locale } = useI18n();
  const { node, issues, overlay, box } = data;
  const isFar = useContext(FarZoomContext);
  const textOf = useIssueText();
  const view = useMemo(() => localizeView(data.view, node, locale), [data.view, node, locale]);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const severity = errors.length > 0 ? 'error' : issues.length > 0 ? 'warning' : null;
  const title = view.definition ? view.title : t('node.unknown', { type: node.type });
  return (
    <div
      className={`flow-node${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}${overlayClasses(overlay)}`}
      data-node-id={node.id}
      data-node-type={node.type}
      {...(overlay?.diff ? { 'data-diff': overlay.diff } : {})}
      {...(overlay?.isActive ? { 'data-active': 'true' } : {})}
    >
      {!isFar && (
        <>
          <div className="flow-node-head">
            <span className="flow-node-icon" aria-hidden>
              {iconGlyph(view.icon)}
            </span>
            <span className="flow-node-title" title={title}>
              {title}
            </span>
            {severity && (
              <span
                className={`badge badge-${severity}`}
                data-testid="node-issues"
                title={issues.map(textOf).join('\n')}
                aria-label={t('node.issues', { count: issues.length })}
              >
                {issues.length}
              </span>
            )}
          </div>
          {box.rows.hasOverlay && overlay && <NodeOverlayBadges overlay={overlay} />}
          {box.rows.hasSummary && <div className="flow-node-summary">{view.summary}</div>}
          {box.rows.hasIssue && (
            <div className="flow-node-issue">{issues[0] && textOf(issues[0])}</div>
          )}
          {view.ports.length > 0 && (
            <div className="flow-node-ports">
              {view.ports.map((port) => (
                <div className="flow-node-port" key={port}>
                  <span>{view.portLabels[port] ?? port}</span>
                </div>
              ))}
            </div>
          )}
        </>
      )}
      <NodeHandles box={box} errorTitle={t('node.port.error')} />
    </div>
  );
}, isSameDrawing);

type FlowNodeProps = NodeProps<Node<FlowNodeData, 'flow'>>;

/** A node draws its data and selection only: being measured or moved alone redraws nothing. */
function isSameDrawing(previous: FlowNodeProps, next: FlowNodeProps): boolean {
  return previous.data === next.data && previous.selected === next.selected;
}

function overlayClasses(overlay: NodeOverlay | undefined): string {
  if (!overlay) return '';
  return [
    overlay.isActive ? ' is-active' : '',
    overlay.isVisited ? ' is-visited' : '',
    overlay.diff ? ` diff-${overlay.diff}` : '',
  ].join('');
}
