import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { NodeOverlay } from './canvas-overlay';
import { NodeOverlayBadges } from './NodeOverlayBadges';
import { iconGlyph } from './node-icons';
import type { FlowNodeData } from './to-canvas';

/**
 * The one renderer of every node type: what it draws (title, icon, summary, one exit handle per
 * port) comes from the node's definition, so a new node type needs no canvas code.
 */
export const FlowNode = memo(function FlowNode({
  data,
  selected,
}: NodeProps<Node<FlowNodeData, 'flow'>>) {
  const { t } = useI18n();
  const { node, view, issues, overlay } = data;
  const errors = issues.filter((issue) => issue.severity === 'error');
  const severity = errors.length > 0 ? 'error' : issues.length > 0 ? 'warning' : null;
  const isEntry = view.definition?.isEntry ?? false;
  return (
    <div
      className={`flow-node${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}${overlayClasses(overlay)}`}
      data-node-id={node.id}
      data-node-type={node.type}
      {...(overlay?.diff ? { 'data-diff': overlay.diff } : {})}
      {...(overlay?.isActive ? { 'data-active': 'true' } : {})}
    >
      {!isEntry && <Handle type="target" position={Position.Left} id="in" className="handle-in" />}
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden>
          {iconGlyph(view.icon)}
        </span>
        <span className="flow-node-title">
          {view.definition ? view.title : t('node.unknown', { type: node.type })}
        </span>
        {severity && (
          <span
            className={`badge badge-${severity}`}
            data-testid="node-issues"
            title={issues.map((issue) => issue.message).join('\n')}
            aria-label={t('node.issues', { count: issues.length })}
          >
            {issues.length}
          </span>
        )}
      </div>
      {overlay && <NodeOverlayBadges overlay={overlay} />}
      {view.summary && <div className="flow-node-summary">{view.summary}</div>}
      {severity && <div className="flow-node-issue">{issues[0]?.message}</div>}
      <div className="flow-node-ports">
        {view.ports.map((port) => (
          <div className="flow-node-port" key={port}>
            <span>{port}</span>
            <Handle type="source" position={Position.Right} id={port} className="handle-out" />
          </div>
        ))}
      </div>
      {!isEntry && (
        <Handle
          type="source"
          position={Position.Bottom}
          id="error"
          className="handle-error"
          title="error"
        />
      )}
    </div>
  );
});

function overlayClasses(overlay: NodeOverlay | undefined): string {
  if (!overlay) return '';
  return [
    overlay.isActive ? ' is-active' : '',
    overlay.isVisited ? ' is-visited' : '',
    overlay.diff ? ` diff-${overlay.diff}` : '',
  ].join('');
}
