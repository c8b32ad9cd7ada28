import type { Attachment, Visibility } from '@attendflow/engine';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { AttachmentsInput } from './AttachmentsInput';
import { BlockedReason } from './BlockedReason';
import { draftBlock, type ComposerState } from './composer-rules';
import { insertPredefined } from './predefined-messages';
import { PredefinedMessages } from './PredefinedMessages';

/** Writes the agent's answer; the visibility toggle and the send button follow the channel's rules. */
export function Composer({
  conversationId,
  state,
  isBusy,
  onSend,
}: {
  conversationId: string;
  state: ComposerState;
  isBusy: boolean;
  onSend: (text: string, visibility: Visibility, attachments: Attachment[]) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Visibility | null>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const textArea = useRef<HTMLTextAreaElement>(null);
  /** A predefined message goes in at the cursor; the agent can still edit it. */
  const insert = (message: string) => {
    const area = textArea.current;
    const next = insertPredefined(text, message, area?.selectionStart, area?.selectionEnd);
    setText(next.text);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const allowed = (v: Visibility | null) =>
    state.visibilities.find((x) => x.visibility === v)?.blocked === null;
  // A choice the rules have since closed (the public answer was given) falls back to one allowed.
  const visibility = allowed(chosen) ? chosen : state.preferred;
  const tooLong = draftBlock(state, text);
  const canSend = visibility !== null && text.trim() !== '' && !tooLong && !isBusy;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSend) return;
    if (await onSend(text.trim(), visibility, attachments)) {
      setText('');
      setAttachments([]);
    }
  };
  if (state.blocked)
    return (
      <div className="composer" data-testid="composer">
        <BlockedReason blocked={state.blocked} testId="composer-blocked" />
      </div>
    );
  return (
    <form className="composer card" data-testid="composer" onSubmit={(e) => void submit(e)}>
      {state.visibilities.length > 1 && (
        <fieldset className="row wrap" data-testid="visibility">
          <legend>{t('composer.visibility')}</legend>
          {state.visibilities.map((v) => (
            <label key={v.visibility} className="inline">
              <input
                type="radio"
                name="visibility"
                value={v.visibility}
                checked={visibility === v.visibility}
                disabled={v.blocked !== null}
                onChange={() => setChosen(v.visibility)}
              />
              {t(`visibility.${v.visibility}`)}
            </label>
          ))}
        </fieldset>
      )}
      {state.visibilities.map(
        (v) =>
          v.blocked && (
            <BlockedReason
              key={v.visibility}
              blocked={v.blocked}
              testId={`visibility-${v.visibility}-blocked`}
            />
          ),
      )}
      <label>
        {t('composer.message')}
        <textarea
          ref={textArea}
          value={text}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          data-testid="composer-text"
        />
      </label>
      {state.maxBodyLength !== null && (
        <p className="small muted">
          {t('composer.length', { length: text.length, max: state.maxBodyLength })}
        </p>
      )}
      {tooLong && <BlockedReason blocked={tooLong} />}
      <PredefinedMessages conversationId={conversationId} onPick={insert} />
      {state.hasAttachments && <AttachmentsInput value={attachments} onChange={setAttachments} />}
      <button type="submit" className="primary" disabled={!canSend} data-testid="composer-send">
        {visibility === 'public'
          ? t('composer.sendPublic')
          : visibility === 'private'
            ? t('composer.sendPrivate')
            : t('composer.send')}
      </button>
    </form>
  );
}
