import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import { msg } from '../common/i18n';
import { registerAccess } from './plugins/access';
import { langOf } from './plugins/lang';
import { registerErrorHandling } from './plugins/errors';
import { NOT_FRAMED } from './plugins/pagePolicy';
import { serveWeb } from './plugins/web';
import { createServices, type Services } from './services';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { groupRoutes } from './modules/groups/groups.routes';
import { memberRoutes } from './modules/members/members.routes';
import { orgRoutes } from './modules/orgs/orgs.routes';
import { setupRoutes } from './modules/setup/setup.routes';
import { userRoutes } from './modules/users/users.routes';
import { congressRoutes } from './modules/congress/congress.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { proposalRoutes } from './modules/proposals/proposals.routes';
import { departmentRoutes } from './modules/departments/departments.routes';
import { suggestionRoutes } from './modules/suggestions/suggestions.routes';
import { fileRoutes } from './modules/files/files.routes';
import { disclosureRoutes } from './modules/disclosures/disclosures.routes';
import { careRoutes } from './modules/care/care.routes';
import { fundRoutes } from './modules/funds/funds.routes';
import { hardshipRoutes } from './modules/hardship/hardship.routes';
import { caseRoutes } from './modules/cases/cases.routes';
import { meetingRoutes } from './modules/meetings/meetings.routes';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request log line leaves out who sent it (the 意见箱's submission and receipt routes). */
    anonymous?: boolean;
  }
  interface FastifyInstance {
    services: Services;
    /** Every registered route with its declared access, for the test that none is left undeclared. */
    routeTable: { method: string; url: string; access: string | undefined }[];
  }
}

/** Domain route modules; a new capability adds its module here. */
const MODULES = [setupRoutes, authRoutes, orgRoutes, userRoutes, groupRoutes, memberRoutes, auditRoutes, notificationRoutes, congressRoutes, proposalRoutes, fileRoutes, departmentRoutes, suggestionRoutes, disclosureRoutes, careRoutes, fundRoutes, hardshipRoutes, caseRoutes, meetingRoutes];

/** Fastify's request fields, minus the caller's address (and the receipt code in the URL) on anonymous routes. */
function requestLogFields(req: FastifyRequest) {
  const anonymous = req.routeOptions?.config?.anonymous === true;
  return {
    method: req.method,
    url: anonymous ? req.routeOptions.url : req.url,
    host: req.host,
    ...(anonymous ? {} : { remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
  };
}

/** A read that takes longer than this is logged at info, like a write or a refusal. */
export const SLOW_READ_MS = 1000;

/**
 * One line per request, when it is answered: the request (as requestLogFields allows), the status and the
 * time; half the logging work of Fastify's incoming + completed pair. A read answered well and fast is
 * logged at debug: its line cost 11 µs of a 78 µs request on the busiest reads, and the line would only
 * record who looked at which record. Writes, refusals, errors and slow reads are logged at info and above.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const responseTime = reply.elapsedTime;
    if (error) return reply.log.error({ req, res: reply, err: error, responseTime }, 'request errored');
    const quietRead = (req.method === 'GET' || req.method === 'HEAD') && reply.statusCode < 400 && responseTime < SLOW_READ_MS;
    if (quietRead) reply.log.debug({ req, res: reply, responseTime }, 'request completed');
    else reply.log.info({ req, res: reply, responseTime }, 'request completed');
  }
}

export async function buildApp(config: Config, database: Database, logger: FastifyServerOptions['logger'] = false): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger && typeof logger === 'object' ? { ...logger, serializers: { req: requestLogFields, ...logger.serializers } } : logger,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Malformed URLs are refused by the router before the error handler; answer them in our shape too.
    frameworkErrors: (err, req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
      (reply as FastifyReply).status(status).send({ error: { code: 'bad_request', message: msg('err.bad_request', langOf(req)) } });
    },
  });
  const services = createServices(config, database);
  app.decorate('services', services);
  app.decorate('routeTable', []);
  app.addHook('onRoute', (r) => {
    // Read lazily: a plugin's own onRoute hook (docs, web) may declare access after this one runs.
    for (const method of [r.method].flat()) {
      app.routeTable.push({ method, url: r.url, get access() { return (r.config as { access?: string } | undefined)?.access; } });
    }
  });

  // Requests are validated by the zod schemas in route(); the JSON schemas are for the docs only.
  app.setValidatorCompiler(() => () => true);
  registerErrorHandling(app, config.uploadLimitMb);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimitMb * 1024 * 1024, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: '同心 Tongxin API', version: '0.1.0', description: '学校工会工作平台 / school trade-union platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tx_sid' } } },
    },
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (r) => {
      r.config = { ...(r.config as object), access: 'public' };
    });
    docs.addHook('onRequest', (_req, reply, done) => {
      reply.headers(NOT_FRAMED);
      done();
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  registerAccess(app, services.auth);
  for (const register of MODULES) register(app, services);

  await serveWeb(app, config.webDist);
  return app;
}
