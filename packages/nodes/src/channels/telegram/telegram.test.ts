import { readFileSync } from 'node:fs';
import { secretFieldsOf, settingsJsonSchema } from '@attendflow/engine';
import { describe, expect, it } from 'vitest';
import { createTelegramAdapter } from './adapter.js';
import { telegram } from './definition.js';
import { parseUpdate } from './parse-update.js';
import { splitText } from './split-text.js';
import { webhookSecretOf } from './webhook-secret.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
const token = '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const settings = telegram.settings.parse({ botToken: token });
const adapter = createTelegramAdapter();
const inbound = (body: unknown, secret?: string) => ({
  headers: secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret },
  rawBody: JSON.stringify(body),
  body,
});

describe('telegram channel definition', () => {
  it('fills defaults, marks the secrets and names bad fields', () => {
    expect(settings).toMatchObject({
      receiveBy: 'polling',
      pollIntervalSeconds: 3,
      ambiguousSend: 'retry',
      apiBaseUrl: 'https://api.telegram.org',
    });
    expect(secretFieldsOf(telegram.settings)).toEqual(['botToken', 'webhookSecret']);
    const issues = (value: unknown) =>
      telegram.settings.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ botToken: 'nope' })).toEqual(['botToken']);
    expect(issues({ botToken: token, receiveBy: 'webhook' })).toEqual(['webhookUrl']);
    expect(issues({ botToken: token, webhookSecret: 'no spaces!' })).toEqual(['webhookSecret']);
    expect(issues({ botToken: token, webhookUrl: 'ftp://x.example/h' })).toEqual(['webhookUrl']);
    const schema = settingsJsonSchema(telegram.settings) as {
      properties: Record<string, { label?: string; secret?: boolean }>;
    };
    expect(schema.properties['botToken']).toMatchObject({ label: 'Bot token', secret: true });
    expect(telegram.policies).toMatchObject({ visibilities: ['public'], maxBodyLength: 16_384 });
  });

  it('derives a stable webhook secret Telegram accepts, unless one is set', () => {
    const derived = webhookSecretOf(settings);
    expect(derived).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(derived).not.toContain(token.split(':')[1]);
    expect(webhookSecretOf({ botToken: token })).toBe(derived);
    expect(webhookSecretOf({ botToken: token, webhookSecret: 'mine' })).toBe('mine');
  });
});

describe('telegram inbound', () => {
  it('verifies the secret-token header', () => {
    const secret = webhookSecretOf(settings);
    expect(adapter.verifyInbound(inbound({}, secret), settings)).toBe(true);
    expect(adapter.verifyInbound(inbound({}, `${secret}x`), settings)).toBe(false);
    expect(adapter.verifyInbound(inbound({}), settings)).toBe(false);
  });

  it('turns a private message into a conversation item keyed by chat and message id', () => {
    expect(adapter.parseInbound(inbound(fixture('message-start')), settings)).toEqual({
      ok: true,
      items: [
        {
          externalId: '700000001',
          dedupKey: '700000001:17',
          start: {
            customer: {
              id: '700000001',
              name: 'Ana',
              fields: { telegramUserId: 700000001, username: 'ana_ex', languageCode: 'pt-br' },
            },
            metadata: { chatType: 'private', command: 'start' },
            text: '/start',
          },
          event: {
            type: 'customer.message',
            messageId: '700000001:17',
            text: '/start',
            attachments: [],
          },
        },
      ],
    });
  });

  it('keeps a photo as a token-free file reference with its caption', () => {
    const parsed = parseUpdate(fixture('message-photo'));
    expect(parsed.ok && parsed.items[0]?.event).toEqual({
      type: 'customer.message',
      messageId: '700000001:18',
      text: 'Chegou assim',
      attachments: [
        {
          name: 'photo-AQADlarge.jpg',
          url: 'telegram-file:AgACAgEAAx0large',
          contentType: 'image/jpeg',
          size: 98000,
        },
      ],
    });
    expect(parsed.ok && parsed.items[0]?.start?.customer?.name).toBe('Ana Souza');
  });

  it('acknowledges edits, groups, callbacks and membership changes without items', () => {
    for (const name of [
      'edited-message',
      'group-message',
      'callback-query',
      'my-chat-member-kicked',
    ]) {
      expect(parseUpdate(fixture(name))).toEqual({ ok: true, items: [] });
    }
  });

  it('names the fields of a malformed update', () => {
    const parsed = parseUpdate(fixture('malformed'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((issue) => issue.split(':')[0])).toEqual([
        'update_id',
        'message.chat.id',
      ]);
    }
  });
});

describe('splitText', () => {
  it('splits at paragraph, line and word breaks, and never inside a character', () => {
    expect(splitText('short', 10)).toEqual(['short']);
    expect(splitText('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const emoji = `${'x'.repeat(9)}😀yy`;
    expect(splitText(emoji, 10)).toEqual(['x'.repeat(9), '😀yy']);
    expect(splitText('a'.repeat(5000), 4096).map((part) => part.length)).toEqual([4096, 904]);
  });
});
