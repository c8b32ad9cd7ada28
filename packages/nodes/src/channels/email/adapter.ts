import { isSameSecret } from '../same-secret.js';
import { defineChannelAdapter, type DeliveryResult, type InboundRequest } from '@attendflow/engine';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { emailChannel } from './definition.js';
import { deliveryErrorOf } from './delivery-error.js';
import { parseEmailInbound } from './inbound.js';
import { buildReply } from './outbound-message.js';
import type { EmailSettings } from './settings.js';

/**
 * The e-mail channel's I/O: inbound-parse webhooks in (authenticated by the connection's inbound
 * token as a bearer token or as the basic-auth password), replies out through the SMTP server.
 */
export const emailAdapter = defineChannelAdapter(emailChannel, {
  verifyInbound(request, settings) {
    const token = presentedToken(request);
    return token !== undefined && isSameSecret(token, settings.inboundToken);
  },

  parseInbound: (request) => parseEmailInbound(request.body),

  async deliver(delivery, settings, signal): Promise<DeliveryResult> {
    const built = buildReply(delivery, settings);
    if (!built.ok) return { ok: false, retryable: false, error: built.error };
    const where = `SMTP ${settings.smtpHost}:${settings.smtpPort}`;
    const transport = transportFor(settings);
    try {
      // nodemailer 10 drops the connection when the signal aborts (not yet in its typings).
      const options: SendMailOptions & { signal: AbortSignal } = { ...built.mail, signal };
      await transport.sendMail(options);
      return { ok: true, externalId: built.mail.messageId };
    } catch (error) {
      return deliveryErrorOf(error, where, signal);
    } finally {
      transport.close();
    }
  },

  async testConnection(settings, signal) {
    const where = `SMTP ${settings.smtpHost}:${settings.smtpPort}`;
    const transport = transportFor(settings);
    // verify() takes no signal: race it, and drop the listener whichever way it ends.
    const done = new AbortController();
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(new Error('timed out')), {
        once: true,
        signal: done.signal,
      });
    });
    try {
      signal.throwIfAborted();
      await Promise.race([transport.verify(), aborted]);
      return { ok: true, detail: `${where}: ready to send` };
    } catch (error) {
      return {
        ok: false,
        detail: `${where}: ${error instanceof Error ? error.message : String(error)}`,
      };
    } finally {
      done.abort();
      transport.close();
    }
  },
});

function transportFor(settings: EmailSettings) {
  return createTransport({
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.smtpSecure,
    ...(settings.smtpUser === ''
      ? {}
      : { auth: { user: settings.smtpUser, pass: settings.smtpPassword } }),
    connectionTimeout: settings.connectionTimeoutMs,
    greetingTimeout: settings.connectionTimeoutMs,
    socketTimeout: settings.connectionTimeoutMs,
  });
}

/**
 * The token an inbound request presents: `Authorization: Bearer <token>`, or basic auth with the
 * token as password, which is how SendGrid and Mailgun authenticate to a webhook URL
 * (`https://mail:<token>@host/…`) since neither lets you set headers.
 */
function presentedToken(request: InboundRequest): string | undefined {
  const [scheme, value] = (request.headers['authorization'] ?? '').trim().split(/\s+/, 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
