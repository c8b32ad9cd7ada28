import type { Customer } from '@attendflow/engine';
import type { Core } from '../core.js';
import { latestAttendance } from './conversation-lookup.js';
import { ServerError } from './errors.js';
import { closeSilentChats } from './widget-auto-close.js';
import { isOffHours, type WidgetConnection } from './widget-connection.js';
import {
  agentNames,
  conversationState,
  ratingSince,
  visibleMessages,
  type WidgetMessage,
} from './widget-transcript.js';

/** What the server sends the widget. */
export type WidgetServerFrame =
  | {
      type: 'ready';
      status: string | null;
      preChat: WidgetConnection['settings']['preChatFields'];
      options: { offerRating: boolean; showOperatorName: boolean; showOperatorPhoto: boolean };
    }
  | ({ type: 'message' } & WidgetMessage)
  | { type: 'ack'; messageId: string }
  | { type: 'rating' }
  | { type: 'closed' }
  | { type: 'error'; code: string; message: string; messageId?: string };

const maxFrameBytes = 16_384;

/**
 * One visitor's widget socket: frames go through the web-chat adapter into the runtime, and the
 * conversation's visible transcript, rating prompt and close come back as the conversation
 * changes (its `conversation:<id>` live updates).
 */
export class WidgetSession {
  private conversationId: string | null = null;
  private stopListening: (() => void) | null = null;
  private readonly sent = new Set<string>();
  private since = new Date(0);
  private lastSeq = 0;
  private isRatingAsked = false;
  private isClosedSent = false;
  private preChat: WidgetConnection['settings']['preChatFields'] = [];
  private syncing: Promise<void> = Promise.resolve();
  private isSyncQueued = false;

  constructor(
    private readonly core: Core,
    private readonly connection: WidgetConnection,
    private readonly sessionId: string,
    private readonly send: (frame: WidgetServerFrame) => void,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Says hello (options, pre-chat fields) and replays the session's transcript. */
  async open(): Promise<void> {
    const { settings } = this.connection;
    const { db } = this.core.database;
    const existing = await latestAttendance(db, this.connection.id, this.sessionId);
    if (existing) await closeSilentChats(this.core, { conversationId: existing.id });
    const asksPreChat =
      !existing &&
      settings.preChatFields.length > 0 &&
      (settings.showPreChatFieldsOffHours || !(await isOffHours(this.core, this.connection)));
    this.preChat = asksPreChat ? settings.preChatFields : [];
    const state = existing ? await conversationState(db, existing.id) : null;
    this.send({
      type: 'ready',
      status: state?.status ?? null,
      preChat: this.preChat,
      options: {
        offerRating: settings.offerRating,
        showOperatorName: settings.showOperatorName,
        showOperatorPhoto: settings.showOperatorPhoto,
      },
    });
    if (existing) this.follow(existing.id);
  }

  /** One frame from the visitor. */
  async receive(text: string): Promise<void> {
    if (Buffer.byteLength(text) > maxFrameBytes)
      return this.error('PAYLOAD_TOO_LARGE', `frame: at most ${maxFrameBytes} bytes`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return this.error('VALIDATION_FAILED', 'frame: not JSON');
    }
    const adapter = this.core.adapters.get('web-chat');
    if (!adapter) return this.error('INTERNAL', 'the web chat has no adapter');
    const parsed = adapter.parseInbound(
      { headers: {}, rawBody: text, body },
      this.connection.settings,
    );
    if (!parsed.ok) return this.error('VALIDATION_FAILED', parsed.issues.join('; '));
    const frame = body as {
      type: 'message' | 'rating';
      sessionId: string;
      messageId: string;
      customer?: Customer;
    };
    if (frame.sessionId !== this.sessionId)
      return this.error(
        'VALIDATION_FAILED',
        'sessionId: not this socket’s session',
        frame.messageId,
      );
    if (frame.type === 'rating' && !this.connection.settings.offerRating)
      return this.error(
        'VALIDATION_FAILED',
        'rating: this chat does not take ratings',
        frame.messageId,
      );
    if (frame.type === 'message' && !this.conversationId) {
      const missing = this.missingPreChat(frame.customer);
      if (missing)
        return this.error(
          'VALIDATION_FAILED',
          `customer.${missing}: required before the chat starts`,
          frame.messageId,
        );
    }
    try {
      for (const item of parsed.items) {
        for (const outcome of await this.core.runtime.ingest(this.connection.id, item)) {
          this.follow(outcome.conversationId);
          if (outcome.status === 'rejected')
            return this.error(outcome.rejection.code, outcome.rejection.message, frame.messageId);
        }
      }
      this.send({ type: 'ack', messageId: frame.messageId });
    } catch (error) {
      if (error instanceof ServerError)
        return this.error(error.code, error.message, frame.messageId);
      throw error;
    }
  }

  /** The socket closed. */
  close(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** Starts pushing a conversation's changes (idempotent), and catches up at once. */
  private follow(conversationId: string): void {
    if (this.conversationId !== conversationId) {
      this.stopListening?.();
      this.conversationId = conversationId;
      this.stopListening = this.core.live.subscribe(`conversation:${conversationId}`, () =>
        this.sync(),
      );
    }
    this.sync();
  }

  /** Queues one catch-up; catch-ups run one at a time so nothing is sent twice. */
  private sync(): void {
    if (this.isSyncQueued) return;
    this.isSyncQueued = true;
    this.syncing = this.syncing
      .then(() => {
        this.isSyncQueued = false;
        return this.catchUp();
      })
      .catch(this.onError);
  }

  private async catchUp(): Promise<void> {
    const id = this.conversationId;
    if (!id) return;
    const { db } = this.core.database;
    const { settings } = this.connection;
    const { rows, next } = await visibleMessages(db, id, this.since, this.core.now());
    this.since = next;
    const fresh = rows.filter((row) => !this.sent.has(row.id));
    const names = settings.showOperatorName
      ? await agentNames(
          db,
          fresh.flatMap((row) => (row.agentId ? [row.agentId] : [])),
        )
      : new Map<string, string>();
    for (const row of fresh) {
      this.sent.add(row.id);
      const name = row.agentId ? names.get(row.agentId) : undefined;
      this.send({
        type: 'message',
        id: row.localId,
        author: row.author,
        text: row.text,
        attachments: row.attachments as unknown[],
        at: row.createdAt.toISOString(),
        ...(row.author === 'agent' && name ? { operator: { name } } : {}),
      });
    }
    const rating = await ratingSince(db, id, this.lastSeq);
    this.lastSeq = rating.lastSeq;
    if (rating.pending === false) this.isRatingAsked = true;
    if (rating.pending === true && !this.isRatingAsked && settings.offerRating) {
      this.isRatingAsked = true;
      this.send({ type: 'rating' });
    }
    const state = await conversationState(db, id);
    if (state?.status === 'closed' && !this.isClosedSent) {
      this.isClosedSent = true;
      this.send({ type: 'closed' });
    }
  }

  /** The first required pre-chat field the customer left empty, if any. */
  private missingPreChat(customer: Customer | undefined): string | null {
    for (const field of this.preChat) {
      if (!field.required) continue;
      const value =
        field.field === 'custom' ? customer?.fields?.[field.label] : customer?.[field.field];
      if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '')
      )
        return field.field === 'custom' ? `fields.${field.label}` : field.field;
    }
    return null;
  }

  private error(code: string, message: string, messageId?: string): void {
    this.send({ type: 'error', code, message, ...(messageId ? { messageId } : {}) });
  }
}
