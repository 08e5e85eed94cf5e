import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { msg } from '../../common/i18n';
import { AppError } from '../lib/errors';
import { langOf } from './lang';
import { zodFieldMessages } from './validate';

// One error shape for every failure; a stack trace never reaches the caller.
export function registerErrorHandling(app: FastifyInstance, uploadLimitMb: number): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    const lang = langOf(req);
    const send = (status: number, code: string, message: string, fields?: Record<string, string>) =>
      reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });

    if (err instanceof AppError) {
      const fields = err.fields
        ? Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, msg(v, lang, err.params)]))
        : undefined;
      return send(err.status, err.code, msg(err.key, lang, err.params), fields);
    }
    if (err instanceof ZodError) return send(422, 'validation', msg('err.validation', lang), zodFieldMessages(err, lang));

    const code = (err as FastifyError).code;
    const status = (err as FastifyError).statusCode ?? 500;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      return send(413, 'payload_too_large', msg('err.file_too_large', lang, { mb: uploadLimitMb }));
    }
    if (status === 413) return send(413, 'payload_too_large', msg('err.payload_too_large', lang));
    if (status === 429) return send(429, 'rate_limited', msg('err.rate_limited', lang));
    if (status >= 400 && status < 500) {
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'unsupported_media_type', msg('err.bad_request', lang));
      return send(status, 'bad_request', msg('err.bad_request', lang));
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'internal', msg('err.internal', lang));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: msg('err.route_not_found', langOf(req)) } });
  });
}
