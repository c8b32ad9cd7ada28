import { localizeNode } from '@attendflow/engine';
import { useMemo, useState } from 'react';
import { paletteDragType } from '../canvas/FlowCanvas';
import { iconGlyph } from '../canvas/node-icons';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { filterPalette, paletteGroups } from './palette-groups';

/** Node types by category, for the flow's channel; drag one onto the canvas (or press Enter). */
export function Palette({ onAdd }: { onAdd: (type: string) => void }) {
  const { t, locale } = useI18n();
  const { registry, channel } = useEditor();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () => filterPalette(paletteGroups(registry, channel), query, locale),
    [registry, channel, query, locale],
  );
  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <h2>{t('palette.title')}</h2>
      <input
        type="search"
        value={query}
        placeholder={t('designer.search')}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted small">{t('palette.hint')}</p>
      {groups.map((group) => (
        <section key={group.category}>
          <h3>{t(`palette.category.${group.category}`)}</h3>
          {group.definitions.map((definition) => {
            const text = localizeNode(definition, locale);
            return (
              <div
                key={definition.type}
                className="palette-item"
                draggable
                tabIndex={0}
                role="button"
                data-palette-type={definition.type}
                title={text.description}
                onDragStart={(event) => {
                  event.dataTransfer.setData(paletteDragType, definition.type);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onAdd(definition.type);
                }}
              >
                <span aria-hidden>{iconGlyph(definition.icon)}</span> {text.label}
              </div>
            );
          })}
        </section>
      ))}
    </aside>
  );
}
