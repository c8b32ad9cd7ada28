import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** One e-mail the sink accepted, parsed. */
export interface CapturedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** A scheduled refusal: the next command at `stage` gets this SMTP reply instead of success. */
export interface SmtpFault {
  stage: 'rcpt' | 'data';
  code: number;
  message: string;
}

/** A running SMTP sink on loopback. */
export interface SmtpSink {
  host: string;
  port: number;
  /** Accepted mails, oldest first. */
  mails(): CapturedMail[];
  /** Queues a one-shot refusal (SMTP 421/450 temporary, 550 permanent …). */
  failNext(fault: SmtpFault): void;
  close(): Promise<void>;
}

/**
 * The e-mail simulator's SMTP side: a real SMTP server on an ephemeral loopback port that captures
 * what it accepts and can refuse on schedule. Without TLS, so credentials, when given, are checked
 * in the clear (loopback only).
 *
 * @example
 * const sink = await startSmtpSink();
 * // settings: { smtpHost: sink.host, smtpPort: sink.port, smtpSecure: false, … }
 */
export async function startSmtpSink(
  options: { user?: string; password?: string } = {},
): Promise<SmtpSink> {
  const mails: CapturedMail[] = [];
  const faults: SmtpFault[] = [];
  const takeFault = (stage: SmtpFault['stage']): SMTPServerError | null => {
    const index = faults.findIndex((fault) => fault.stage === stage);
    if (index < 0) return null;
    const [fault] = faults.splice(index, 1);
    const error: SMTPServerError = new Error(fault?.message ?? 'refused');
    error.responseCode = fault?.code ?? 550;
    return error;
  };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.user === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: options.user === undefined,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        callback(null, { user: auth.username });
      } else {
        const error: SMTPServerError = new Error('Invalid username or password');
        error.responseCode = 535;
        callback(error);
      }
    },
    onRcptTo(_address, _session, callback) {
      callback(takeFault('rcpt'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const fault = takeFault('data');
        if (fault) return callback(fault);
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const from = session.envelope.mailFrom;
            mails.push({
              envelope: {
                from: from === false ? '' : from.address,
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              },
              raw,
              parsed,
            });
            callback();
          })
          .catch((error: unknown) =>
            callback(error instanceof Error ? error : new Error(String(error))),
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    mails: () => [...mails],
    failNext: (fault) => void faults.push(fault),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An inbound-parse webhook body (SendGrid's field names, JSON) for a customer's e-mail, with its
 * threading in the raw header block, as the provider would post it.
 */
export function inboundParsePayload(mail: {
  from: string;
  subject: string;
  text: string;
  messageId: string;
  to?: string;
  inReplyTo?: string;
  references?: string[];
}): Record<string, string> {
  const headers = [
    `From: ${mail.from}`,
    `To: ${mail.to ?? 'atendimento@loja.example'}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${mail.messageId}`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references?.length ? [`References: ${mail.references.join('\r\n ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return {
    from: mail.from,
    to: mail.to ?? 'atendimento@loja.example',
    subject: mail.subject,
    text: mail.text,
    headers: headers.join('\r\n'),
    envelope: JSON.stringify({ to: [mail.to ?? 'atendimento@loja.example'], from: mail.from }),
    attachments: '0',
  };
}
