import { localizeNode } from '@attendflow/engine';
import { useMemo } from 'react';
import { useDesigner, useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { updateNode } from '../store/flow-edits';
import type { FieldSchema } from './field-schema';
import { ObjectFields } from './Field';
import { settingsErrors } from './settings-errors';
import { templateVariables } from './template-variables';
import { pathKey, setIn, type ValuePath } from './value-path';

/**
 * Settings of the selected node, as a form generated from its definition's zod schema, with the
 * plugin's texts in the UI language.
 */
export function Inspector() {
  const { t, locale } = useI18n();
  const { store, registry } = useEditor();
  const flow = useDesigner((state) => state.history.present);
  const selection = useDesigner((state) => state.selection);
  const count = selection.nodes.length + selection.notes.length + selection.edges.length;
  const node =
    selection.nodes.length === 1 && count === 1
      ? flow.nodes.find((n) => n.id === selection.nodes[0])
      : undefined;
  const definition = node ? registry.node(node.type) : undefined;
  const text = definition ? localizeNode(definition, locale) : undefined;
  const schema = useMemo(() => (text ? (text.settingsSchema() as FieldSchema) : null), [text]);
  // A drag changes the flow every frame, never its variables (all the list reads) nor the settings.
  const variables = useMemo(() => templateVariables(flow), [flow.variables]);
  const settings = node?.settings;
  const errors = useMemo(
    () => (definition ? settingsErrors(definition, settings) : new Map<string, string[]>()),
    [definition, settings],
  );
  if (count > 1) return <p>{t('inspector.multiple', { count })}</p>;
  if (!node) return <p className="muted">{t('inspector.empty')}</p>;
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
      {text?.description && <p className="small">{text.description}</p>}
      <div className="field">
        <label htmlFor="node-label">{t('inspector.label')}</label>
        <input
          id="node-label"
          value={node.label ?? ''}
          placeholder={text?.label}
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
