import { useState } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { describeNode } from './describe-node';

/** Finds a node by its title, type, id or summary and jumps to it. */
export function NodeSearch({
  onPick,
  onClose,
}: {
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { registry } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = flow.nodes
    .map((node) => ({ node, view: describeNode(node, registry, [], locale) }))
    .filter(({ node, view }) =>
      [view.title, node.type, node.id, view.summary].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    )
    .slice(0, 20);
  return (
    <div className="dialog search" role="dialog" aria-label={t('designer.search')}>
      <input
        autoFocus
        placeholder={t('designer.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && matches[0]) onPick(matches[0].node.id);
        }}
      />
      {matches.length === 0 ? (
        <p className="muted">{t('designer.searchEmpty')}</p>
      ) : (
        <ul>
          {matches.map(({ node, view }) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => onPick(node.id)}>
                {view.title} <span className="muted">{node.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
