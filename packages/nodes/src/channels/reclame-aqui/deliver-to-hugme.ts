import type { DeliveryResult, OutboundDelivery } from '@attendflow/engine';
import { moderationStatus, PUBLIC_ANSWER_ENCODING } from './hugme-assumptions.js';
import { hugmeStatus, interactionType } from './hugme-enums.js';
import { HugmeCallError, type HugmeClient } from './hugme-client.js';
import type { ReclameAquiSettings } from './settings.js';
import type { HugmeTicket } from './ticket-items.js';

type Write = { path: string; json?: unknown; form?: FormData };

/**
 * Delivers one message or action to HugMe. Writes are not idempotent there, so a retry first
 * re-reads the ticket and looks for what the earlier attempt may have applied (a timeout after
 * the effect, channel-apis.md §7.3) before writing again.
 */
export async function deliverToHugme(
  client: HugmeClient,
  delivery: OutboundDelivery,
  settings: ReclameAquiSettings,
  signal: AbortSignal,
  fetchFile: (url: string, signal: AbortSignal) => Promise<Blob | null>,
): Promise<DeliveryResult> {
  const id = delivery.conversation.externalId;
  try {
    if (delivery.attempt > 1 && isApplied(await readTicket(client, settings, id, signal), delivery))
      return { ok: true };
    const write = await writeOf(delivery, settings, id, signal, fetchFile);
    if (!write.ok) return { ok: false, retryable: false, error: write.error };
    await client.call(
      settings,
      {
        method: 'POST',
        path: write.path,
        ...(write.json === undefined ? {} : { json: write.json }),
        ...(write.form ? { form: write.form } : {}),
      },
      signal,
    );
    return { ok: true };
  } catch (error) {
    if (!(error instanceof HugmeCallError)) throw error;
    return {
      ok: false,
      retryable: error.retryable,
      error: error.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
}

async function writeOf(
  delivery: OutboundDelivery,
  settings: ReclameAquiSettings,
  id: string,
  signal: AbortSignal,
  fetchFile: (url: string, signal: AbortSignal) => Promise<Blob | null>,
): Promise<({ ok: true } & Write) | { ok: false; error: string }> {
  const { message, action } = delivery;
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };
  const attach = async (data: FormData, attachments: Array<{ name: string; url: string }>) => {
    // HugMe takes one `file` part per write (§1.4).
    const first = attachments[0];
    const blob = first ? await fetchFile(first.url, signal) : null;
    if (first && blob) data.append('file', blob, first.name);
    return data;
  };
  if (delivery.kind === 'message' && message) {
    if (message.visibility === 'private') {
      const data = form({ id, message: message.text, email: settings.companyEmail });
      return {
        ok: true,
        path: '/ticket/v1/tickets/message/private',
        form: await attach(data, message.attachments),
      };
    }
    return PUBLIC_ANSWER_ENCODING === 'json'
      ? { ok: true, path: '/ticket/v1/tickets/message/public', json: { id, message: message.text } }
      : {
          ok: true,
          path: '/ticket/v1/tickets/message/public',
          form: form({ id, message: message.text }),
        };
  }
  if (action?.name === 'evaluation.request')
    return { ok: true, path: '/ticket/v1/tickets/evaluation', json: { id } };
  if (action?.name === 'moderation.request') {
    const p = action.payload as {
      reason?: number;
      message?: string;
      migrateTo?: string;
      attachments?: Array<{ name: string; url: string }>;
    };
    const data = form({
      id,
      reason: String(p.reason),
      message: p.message ?? '',
      ...(p.migrateTo ? { migrateTO: p.migrateTo } : {}),
    });
    return {
      ok: true,
      path: '/ticket/v1/tickets/moderation',
      form: await attach(data, p.attachments ?? []),
    };
  }
  return { ok: false, error: `Reclame Aqui has no ${action?.name ?? delivery.kind} to deliver` };
}

/** The ticket as HugMe has it now (`id[eq]`: there is no `/{id}` route, §1.4). */
export async function readTicket(
  client: HugmeClient,
  settings: ReclameAquiSettings,
  id: string,
  signal: AbortSignal,
): Promise<HugmeTicket | null> {
  const body = (await client.call(
    settings,
    { method: 'GET', path: '/ticket/v1/tickets', query: { 'id[eq]': id } },
    signal,
  )) as { data?: HugmeTicket[] } | null;
  if (!body || !Array.isArray(body.data))
    throw new HugmeCallError('the ticket re-read came back without data', 200, true);
  return body.data[0] ?? null;
}

/** Whether the ticket already shows this delivery's effect. */
function isApplied(ticket: HugmeTicket | null, delivery: OutboundDelivery): boolean {
  if (!ticket) return false;
  const { message, action } = delivery;
  const ours = (type: number, text: string) =>
    (ticket.interactions ?? []).some(
      (i) => i.ticket_interaction_type_id === type && i.customer_id === null && i.message === text,
    );
  if (message)
    return ours(
      message.visibility === 'public'
        ? interactionType.publicAnswer
        : interactionType.companyPrivate,
      message.text,
    );
  if (action?.name === 'evaluation.request')
    return (
      ticket.hugme_status.id === hugmeStatus.awaitingEvaluation.id ||
      (ticket.favorable_assessment?.id ?? 0) > 0
    );
  if (action?.name === 'moderation.request')
    return (
      ticket.moderation?.status === moderationStatus.pending &&
      ticket.moderation.reason === Number((action.payload as { reason?: number }).reason)
    );
  return false;
}
