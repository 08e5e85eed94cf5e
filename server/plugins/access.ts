import type { FastifyInstance } from 'fastify';
import type { Permission } from '../../common/permissions';
import { AppError } from '../lib/errors';
import type { AuthService } from '../modules/auth/auth.service';
import { SESSION_COOKIE } from '../modules/auth/auth.cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every handler: loads the session, then enforces the route's declared access, the forced
 * password change and CSRF. A route that declared nothing is refused (fail closed), and a test lists them.
 */
export function registerAccess(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('preHandler', async (req) => {
    const { config, url } = req.routeOptions; // a getter that builds an object: read it once
    const access = config?.access;
    if (!access) {
      // Unmatched URLs reach the not-found handler, which has no access to declare.
      if (url === undefined) return;
      throw new AppError(403, 'forbidden', 'err.forbidden');
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await auth.sessionFromToken(token);
      if (session) {
        req.user = session.user;
        req.sessionId = session.id;
        req.csrfToken = session.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!req.user) throw new AppError(401, 'unauthenticated', 'err.unauthenticated');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError(403, 'csrf', 'err.csrf');
    }
    if (req.user.mustChangePassword && !config.duringPasswordChange) {
      throw new AppError(403, 'must_change_password', 'err.must_change_password');
    }
    if (access !== 'authenticated' && !req.user.permissions.includes(access as Permission)) {
      throw new AppError(403, 'forbidden', 'err.forbidden');
    }
  });
}
