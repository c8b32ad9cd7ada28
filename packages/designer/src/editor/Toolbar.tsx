import { localizeChannel } from '@attendflow/engine';
import type { CanvasCommands } from '../canvas/use-canvas-commands';
import { useDesigner, useEditor } from './editor-context';
import { useI18n } from '../i18n/I18nProvider';
import { navigate } from '../app/use-route';
import type { SaveStatus } from './use-autosave';
import type { MessageKey } from '../i18n/messages-en';

/** The designer's top bar: channel, history, layout, lifecycle and the save status. */
export function Toolbar({
  commands,
  onPublish,
  onExport,
  onSearch,
  onHelp,
}: {
  commands: CanvasCommands;
  onPublish: () => void;
  onExport: () => void;
  onSearch: () => void;
  onHelp: () => void;
}) {
  const { t, locale } = useI18n();
  const { registry, channel, setChannel, autosave } = useEditor();
  const name = useDesigner((state) => state.history.present.name);
  const canUndo = useDesigner((state) => state.history.past.length > 0);
  const canRedo = useDesigner((state) => state.history.future.length > 0);
  const button = (label: MessageKey, action: () => void, disabled = false) => (
    <button type="button" onClick={action} disabled={disabled}>
      {t(label)}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" className="link" onClick={() => navigate({ name: 'flows' })}>
        ← {t('designer.back')}
      </button>
      <strong data-testid="flow-name">{name}</strong>
      <label className="inline">
        {t('designer.channel')}
        <select
          data-testid="flow-channel"
          value={channel ?? ''}
          onChange={(e) => setChannel(e.target.value || null)}
        >
          {[...registry.channels.values()].map((c) => (
            <option key={c.type} value={c.type}>
              {localizeChannel(c, locale).label}
            </option>
          ))}
          <option value="">{t('designer.noChannel')}</option>
        </select>
      </label>
      {button('designer.undo', commands.undo, !canUndo)}
      {button('designer.redo', commands.redo, !canRedo)}
      {button('designer.addNote', commands.addNote)}
      {button('designer.layout', () => void commands.layout())}
      {button('designer.fit', commands.fit)}
      {button('designer.search', onSearch)}
      {button('designer.help', onHelp)}
      <span className="spacer" />
      <SaveIndicator status={autosave.status} />
      {button('designer.export', onExport)}
      <button type="button" className="primary" onClick={onPublish}>
        {t('designer.publish')}
      </button>
    </div>
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  const text =
    status.state === 'saved'
      ? t('designer.save.saved')
      : status.state === 'saving'
        ? t('designer.save.saving')
        : status.state === 'dirty'
          ? t('designer.save.dirty')
          : status.state === 'error'
            ? t('designer.save.error', { message: status.message })
            : '';
  return (
    <span
      className={`save-status save-${status.state}`}
      data-testid="save-status"
      data-state={status.state}
    >
      {text}
    </span>
  );
}
