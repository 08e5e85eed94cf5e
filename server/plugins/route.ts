import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Permission } from '../../common/permissions';
import type { SessionUser } from '../../common/auth';
import { Forbidden } from '../lib/errors';
import { parseWith } from './validate';

/** Who may call a route: a named permission, any signed-in user, or anyone (declared explicitly). */
export type Access = Permission | 'authenticated' | 'public';

export interface RouteConfig {
  access: Access;
  /** Reachable while the user still has to change an initial password (me, logout, change password). */
  duringPasswordChange?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

export interface Ctx<B, Q, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
}

interface Spec<B, Q, P> extends RouteConfig {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** Answer 201 Created instead of 200. */
  created?: boolean;
  /** Multipart routes parse their own body. */
  consumes?: string[];
  /**
   * Throws (usually NotFound) when the caller may not see the resource the URL names. Runs after the
   * access check and before the body and query are validated, so a hidden id answers the same
   * whatever was sent, and ids reveal nothing.
   */
  visible?: (user: SessionUser, params: Record<string, string>) => Promise<void>;
  handler: (ctx: Ctx<B, Q, P>) => Promise<unknown>;
}

const toJson = (s: ZodType | undefined) => (s ? (z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as object) : undefined);

/**
 * Registers a route: declares its access for the access hook, validates with the zod schemas from
 * common/ (the same ones the forms use) and documents them in OpenAPI.
 */
export function route<B = undefined, Q = undefined, P = undefined>(app: FastifyInstance, spec: Spec<B, Q, P>): void {
  const tag = spec.url.split('/')[2] ?? 'api';
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access, duringPasswordChange: spec.duringPasswordChange },
    ...(spec.visible ? { preHandler: (req: FastifyRequest) => (req.user ? spec.visible!(req.user, req.params as Record<string, string>) : Promise.resolve()) } : {}),
    schema: {
      summary: spec.summary,
      tags: [tag],
      ...(spec.body && !spec.consumes ? { body: toJson(spec.body) } : {}),
      ...(spec.query ? { querystring: toJson(spec.query) } : {}),
      ...(spec.params ? { params: toJson(spec.params) } : {}),
      ...(spec.consumes ? { consumes: spec.consumes } : {}),
      ...(spec.access !== 'public' ? { security: [{ session: [] }] } : {}),
    },
    handler: async (req, reply) => {
      const ctx: Ctx<B, Q, P> = {
        req,
        reply,
        body: spec.consumes ? (undefined as B) : parseWith(spec.body, req.body),
        query: parseWith(spec.query, req.query),
        params: parseWith(spec.params, req.params),
      };
      const out = await spec.handler(ctx);
      if (reply.sent) return reply;
      if (out === undefined) return reply.status(204).send();
      return spec.created ? reply.status(201).send(out) : out;
    },
  });
}

export const idParams = z.object({ id: z.string().min(1).max(64) });

/** The signed-in user; the access hook guarantees one on non-public routes. */
export function userOf(req: FastifyRequest): SessionUser {
  if (!req.user) throw Forbidden();
  return req.user;
}
