import { fetchWithin } from '../fetch-within.js';
import { defineChannelAdapter, type DeliveryResult, type InboundItem } from '@attendflow/engine';
import { postJson, type PostAnswer } from '../http-post.js';
import { parseRetryAfter } from '../../shared/retry-after.js';
import { isSameSecret } from '../same-secret.js';
import { apiChannel } from './definition.js';
import { apiInboundSchema } from './inbound.js';

/** The API channel's I/O: bearer-token webhook in, JSON POSTs out. */
export const apiAdapter = defineChannelAdapter(apiChannel, {
  verifyInbound: (request, settings) =>
    isSameSecret(request.headers['authorization'], `Bearer ${settings.inboundToken}`),

  parseInbound(request) {
    const parsed = apiInboundSchema.safeParse(request.body);
    if (!parsed.success) {
      return {
        ok: false,
        issues: parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
        ),
      };
    }
    const list = 'items' in parsed.data ? parsed.data.items : [parsed.data];
    const items = list.map((item): InboundItem => {
      const start = {
        customer: item.customer ?? { fields: {} },
        metadata: item.metadata ?? {},
        ...(item.subject === undefined ? {} : { subject: item.subject }),
        ...(item.type === 'message' ? { text: item.text } : {}),
      };
      const event =
        item.type === 'message'
          ? {
              type: 'customer.message' as const,
              messageId: item.messageId,
              text: item.text,
              attachments: item.attachments,
            }
          : {
              type: 'customer.evaluated' as const,
              ...(item.score === undefined ? {} : { score: item.score }),
              ...(item.rating === undefined ? {} : { rating: item.rating }),
              ...(item.comment === undefined ? {} : { comment: item.comment }),
            };
      return { externalId: item.conversationId, dedupKey: item.messageId, start, event };
    });
    return { ok: true, items };
  },

  async deliver(delivery, settings, signal): Promise<DeliveryResult> {
    let answer: PostAnswer;
    try {
      answer = await postJson(
        new URL(settings.outboundUrl),
        JSON.stringify({
          idempotencyKey: delivery.idempotencyKey,
          conversationId: delivery.conversation.externalId,
          kind: delivery.kind,
          ...(delivery.message ? { message: delivery.message } : {}),
          ...(delivery.action ? { action: delivery.action } : {}),
        }),
        {
          'content-type': 'application/json',
          authorization: `Bearer ${settings.outboundToken}`,
          'idempotency-key': delivery.idempotencyKey,
        },
        { timeoutMs: settings.timeoutMs, signal },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: true, error: `POST ${settings.outboundUrl}: ${reason}` };
    }
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    const retryAfterMs = parseRetryAfter(answer.header('retry-after') ?? null);
    const retryable = answer.status === 429 || answer.status === 408 || answer.status >= 500;
    return {
      ok: false,
      retryable,
      error: `POST ${settings.outboundUrl}: HTTP ${answer.status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  },

  async testConnection(settings, signal) {
    try {
      const { response } = await fetchWithin(
        settings.outboundUrl,
        { method: 'HEAD' },
        { timeoutMs: settings.timeoutMs, signal },
      );
      return {
        ok: response.status < 500,
        detail: `HEAD ${settings.outboundUrl}: HTTP ${response.status}`,
      };
    } catch (error) {
      return {
        ok: false,
        detail: `HEAD ${settings.outboundUrl}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  },
});
