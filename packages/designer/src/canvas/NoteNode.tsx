import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../editor/editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { updateNote } from '../store/flow-edits';
import type { NoteNodeData } from './to-canvas';

/** A sticky note: text edited in place, resizable; no effect on the run. */
export const NoteNode = memo(function NoteNode({
  data,
  selected,
}: NodeProps<Node<NoteNodeData, 'note'>>) {
  const { t } = useI18n();
  const { store } = useEditor();
  const { note } = data;
  return (
    <div className="note-node" data-note-id={note.id}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={60} />
      <textarea
        className="nodrag"
        value={note.text}
        placeholder={t('note.placeholder')}
        maxLength={5000}
        onChange={(e) =>
          store.edit(
            (flow) => updateNote(flow, note.id, { text: e.target.value }),
            `note:${note.id}`,
          )
        }
      />
    </div>
  );
});
