import { settingsJsonSchema } from '@attendflow/engine';
import { useMemo } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { updateNode } from '../store/flow-edits';
import type { FieldSchema } from './field-schema';
import { ObjectFields } from './Field';
import { settingsErrors } from './settings-errors';
import { templateVariables } from './template-variables';
import { pathKey, setIn, type ValuePath } from './value-path';

/** Settings of the selected node, as a form generated from its definition's zod schema. */
export function Inspector() {
  const { t } = useI18n();
  const { store, registry } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const selection = useDesigner((state) => state.selection);
  const count = selection.nodes.length + selection.notes.length + selection.edges.length;
  const node =
    selection.nodes.length === 1 && count === 1
      ? flow.nodes.find((n) => n.id === selection.nodes[0])
      : undefined;
  const definition = node ? registry.node(node.type) : undefined;
  const schema = useMemo(
    () => (definition ? (settingsJsonSchema(definition.settings) as FieldSchema) : null),
    [definition],
  );
  const variables = useMemo(() => templateVariables(flow), [flow]);
  if (count > 1) return <p>{t('inspector.multiple', { count })}</p>;
  if (!node) return <p className="muted">{t('inspector.empty')}</p>;
  const errors = definition
    ? settingsErrors(definition, node.settings)
    : new Map<string, string[]>();
  const onChange = (path: ValuePath, value: unknown, isTyping = false) =>
    store.edit(
      (current) => {
        const settings = current.nodes.find((n) => n.id === node.id)?.settings ?? {};
        return updateNode(current, node.id, {
          settings: setIn(settings, path, value) as Record<string, unknown>,
        });
      },
      // Typing in one field is one undo step; a choice (select, switch) is a step of its own.
      isTyping ? `settings:${node.id}:${pathKey(path)}` : null,
    );
  return (
    <div className="inspector" data-testid="inspector" data-node-id={node.id}>
      <p className="muted small">
        {t('inspector.type', { type: node.type, version: node.typeVersion })}
      </p>
      {definition?.description && <p className="small">{definition.description}</p>}
      <div className="field">
        <label htmlFor="node-label">{t('inspector.label')}</label>
        <input
          id="node-label"
          value={node.label ?? ''}
          placeholder={definition?.label}
          maxLength={200}
          onChange={(e) =>
            store.edit(
              (current) => updateNode(current, node.id, { label: e.target.value }),
              `label:${node.id}`,
            )
          }
        />
      </div>
      {schema && (
        <ObjectFields
          schema={schema}
          root={schema}
          path={[]}
          value={node.settings}
          onChange={onChange}
          errors={errors}
          variables={variables}
        />
      )}
    </div>
  );
}
