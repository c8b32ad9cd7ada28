import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServerError } from '../services/errors.js';

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

/**
 * The one place errors become HTTP: validation → 400 naming each field, service errors → their
 * status and code, framework errors (bad JSON, body too large) → their 4xx, anything else → 500
 * with the request id and no internals.
 */
export const errorHandler = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const send = (status: number, code: string, message: string, details?: unknown) =>
        reply.status(status).send({
          error: {
            code,
            message,
            ...(details === undefined ? {} : { details }),
            requestId: request.id,
          },
        } satisfies ErrorBody);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((issue) => ({
          path: [
            error.validationContext ?? 'body',
            ...issue.instancePath.split('/').filter(Boolean),
          ].join('.'),
          message: issue.message,
        }));
        return send(
          400,
          'VALIDATION_FAILED',
          issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          { issues },
        );
      }
      if (error instanceof ServerError)
        return send(error.status, error.code, error.message, error.details);
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return send(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
      if (
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ) {
        return send(400, 'VALIDATION_FAILED', `body: ${error.message}`);
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        return send(415, 'VALIDATION_FAILED', error.message);
      if (typeof error.statusCode === 'number' && error.statusCode < 500) {
        return send(error.statusCode, 'VALIDATION_FAILED', error.message);
      }
      request.log.error({ err: error }, 'request failed');
      return send(500, 'INTERNAL', 'something went wrong; quote the request id when you report it');
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `no route ${request.method} ${request.url.split('?')[0]}`,
          requestId: request.id,
        },
      } satisfies ErrorBody),
    );
  },
  { name: 'error-handler' },
);
