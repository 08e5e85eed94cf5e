import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../common/i18n';

/** The caller's language: English when Accept-Language prefers it, Chinese otherwise. */
export function langOf(req: FastifyRequest): Lang {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^\s*en\b/i.test(h) ? 'en' : 'zh';
}
