import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import { msg } from '../common/i18n';
import { registerAccess } from './plugins/access';
import { langOf } from './plugins/lang';
import { registerErrorHandling } from './plugins/errors';
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

/**
 * One line per request, when it is answered: the request (as requestLogFields allows), the status and the
 * time. Half the logging work of Fastify's incoming + completed pair (~5% of a ballot's time in a burst).
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
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
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  registerAccess(app, services.auth);
  for (const register of MODULES) register(app, services);

  await serveWeb(app, config.webDist);
  return app;
}

/** The built SPA: static files, and index.html for any non-API path so client routes survive a reload. */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  const root = path.resolve(dist);
  if (!dist || !fs.existsSync(path.join(root, 'index.html'))) return;
  await app.register(async (web) => {
    web.addHook('onRoute', (r) => {
      r.config = { ...(r.config as object), access: 'public' };
    });
    // preCompressed: the build writes .br/.gz beside each file (vite.config.ts); sent to browsers that accept them.
    // Caching is decided here, for every file the plugin sends (it also routes each file it found itself):
    // index.html is always revalidated, so a new release's asset names are seen at once; hashed assets never change.
    const assets = path.join(root, 'assets') + path.sep;
    const cacheFor = (file: string) =>
      /\.html(\.br|\.gz)?$/.test(file) ? 'no-cache' : file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    await web.register(fastifyStatic, { root, wildcard: false, index: false, cacheControl: false, preCompressed: true, setHeaders: (reply, file) => reply.header('cache-control', cacheFor(file)) });
    // A first screen with an HTML of its own (login.html: its styles made at build time) is sent for its
    // path; every other client route gets index.html.
    const pages = new Map(
      fs
        .readdirSync(root)
        .filter((f) => /^[a-z-]+\.html$/.test(f) && f !== 'index.html')
        .map((f) => [`/${f.slice(0, -'.html'.length)}`, f]),
    );
    const sendPage = (url: string, reply: FastifyReply) => reply.sendFile(pages.get(url.split('?')[0]) ?? 'index.html');
    web.get('/', (req, reply) => sendPage(req.url, reply));
    web.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const rel = (req.params as { '*': string })['*'];
      const file = path.resolve(root, rel);
      if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return sendPage(req.url, reply);
    });
  });
}
