import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'tx_sid';

export function setSessionCookie(reply: FastifyReply, token: string, hours: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: hours * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
