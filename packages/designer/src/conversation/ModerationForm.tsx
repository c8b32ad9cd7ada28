import type { Attachment } from '@attendflow/engine';
import { useState, type FormEvent } from 'react';
import type { ModerationRequest } from '../api/conversations-api';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/message-key';
import { AttachmentsInput } from './AttachmentsInput';
import { CompanySearch } from './CompanySearch';
import type { Company } from './company-search';

/** Reason code that moves the complaint to another company (it needs the company's RA id). */
const anotherCompany = 1;

/**
 * A Reclame Aqui moderation request: a reason code (from the channel's action schema), the message
 * to RA, attachments, and for "another company" the company it is meant for, found with the
 * channel's company search (its id becomes `migrateTo`).
 */
export function ModerationForm({
  conversationId,
  reasons,
  isBusy,
  onSubmit,
}: {
  conversationId: string;
  reasons: readonly number[];
  isBusy: boolean;
  onSubmit: (request: ModerationRequest) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState(reasons[0] ?? anotherCompany);
  const [message, setMessage] = useState('');
  const [company, setCompany] = useState<Company | null>(null);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  if (!isOpen)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('moderation.open')}
      </button>
    );
  const needsCompany = reason === anotherCompany;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request: ModerationRequest = {
      reason,
      message: message.trim(),
      ...(needsCompany && company ? { migrateTo: company.companyId } : {}),
      ...(attachments.length ? { attachments } : {}),
    };
    if (await onSubmit(request)) setOpen(false);
  };
  const label = (code: number) => {
    const key = `moderation.reason.${code}`;
    return isMessageKey(key) ? t(key) : String(code);
  };
  return (
    <form className="card" data-testid="moderation-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('moderation.title')}</h3>
      <label>
        {t('moderation.reason')}
        <select value={reason} onChange={(e) => setReason(Number(e.target.value))}>
          {reasons.map((code) => (
            <option key={code} value={code}>
              {code} · {label(code)}
            </option>
          ))}
        </select>
      </label>
      {needsCompany && (
        <CompanySearch conversationId={conversationId} value={company} onChange={setCompany} />
      )}
      <label>
        {t('moderation.message')}
        <textarea value={message} rows={3} onChange={(e) => setMessage(e.target.value)} required />
      </label>
      <AttachmentsInput value={attachments} onChange={setAttachments} />
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={isBusy || message.trim() === '' || (needsCompany && !company)}
        >
          {t('moderation.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('moderation.cancel')}
        </button>
      </div>
    </form>
  );
}
