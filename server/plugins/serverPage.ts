import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EMPTY_ROOT, SERVER_STATE_ID, SSR_MODULE } from '../../common/webBuild';
import type { Get, render as Render } from '../../web/ssr';
import { SESSION_COOKIE } from '../modules/auth/auth.cookies';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// Beside the scripts, index.html asks who is signed in; a drawn page already says.
const ASK_SESSION = /<link rel="preload" href="\/api\/auth\/me"[^>]*>/;

/** A device that lays itself out as a phone says so: Chromium's client hint, else its user agent. */
const looksLikePhone = (req: FastifyRequest) => req.headers['sec-ch-ua-mobile'] === '?1' || /Mobi|iPhone/i.test(req.headers['user-agent'] ?? '');

/**
 * The home drawn by the server for someone signed in, with its data: on a slow phone it is on screen
 * when its HTML arrives, not once its scripts have come and run (about a second later at 4× slowdown).
 * Needs the web build's server module (web/ssr.tsx); without it, or for a guest, or when it cannot draw
 * the page, the caller sends index.html and the browser draws the page, as for every other page.
 * The page's requests are answered by the app itself (`inject`) with the visitor's cookie, so they pass
 * the same sign-in, permission and validation as the browser's would.
 */
export function serverPages(app: FastifyInstance, root: string): ((req: FastifyRequest) => Promise<string | null>) | null {
  const file = path.join(root, SSR_MODULE);
  const index = path.join(root, 'index.html');
  const template = fs.readFileSync(index, 'utf8');
  if (!fs.existsSync(file) || !template.includes(EMPTY_ROOT)) return null;
  const [head, tail] = template.replace(ASK_SESSION, '').split(EMPTY_ROOT);
  const built = fs.statSync(index).mtimeMs;
  let rebuilt = false;
  // React, antd and the app: ~0.3 s to load. Not in the start-up, but soon after it, so that the first
  // home drawn after a restart does not wait for it. Tried again on the next page if it failed. Always by
  // this one URL: the build's chunks import the entry back by its name, and another URL would load a
  // second copy beside them.
  let module: Promise<{ render: typeof Render }> | null = null;
  const load = () => (module ??= import(pathToFileURL(file).href).catch((error) => ((module = null), Promise.reject(error))));
  app.addHook('onListen', () => void setTimeout(() => load().catch(() => undefined), 1000).unref());

  return async (req) => {
    // Only a page to look at (a HEAD is answered from index.html), only for a session.
    const cookie = req.headers.cookie;
    if (req.method !== 'GET' || !cookie || !req.cookies[SESSION_COOKIE]) return null;
    // Built again under the running server: the module loaded is the old build's, which would draw
    // a page the new scripts do not expect. The browser draws it until the server is restarted.
    if (rebuilt || fs.statSync(index).mtimeMs !== built) {
      if (!rebuilt) req.log.warn('the web was built again: the home is drawn by the browser until the server restarts');
      rebuilt = true;
      return null;
    }
    let drawn: Awaited<ReturnType<typeof Render>>;
    try {
      const { render } = await load();
      const get: Get = async (url, init) => {
        if (init.method && init.method !== 'GET') throw new Error(`a drawn page sent ${init.method} ${url}`);
        const headers = { cookie, 'accept-language': new Headers(init.headers).get('accept-language') ?? 'zh-CN', 'user-agent': req.headers['user-agent'] ?? '' };
        const res = await app.inject({ method: 'GET', url, headers });
        return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } });
      };
      drawn = await render('/', { phone: looksLikePhone(req), get });
    } catch (error) {
      req.log.warn({ err: error }, 'server page not drawn');
      return null;
    }
    if (!drawn) return null;
    // Text, never markup: `<` escaped, so nothing in the data can close the script element.
    const state = JSON.stringify(drawn.state).replace(/</g, '\\u003c');
    return `${head}<div id="root" inert>${drawn.html}</div><script type="application/json" id="${SERVER_STATE_ID}">${state}</script>${tail}`;
  };
}

/** A page with personal data: never kept by a cache, different for each session; compressed as the browser accepts. */
export async function sendPersonalPage(req: FastifyRequest, reply: FastifyReply, html: string): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store').header('vary', 'cookie, accept-encoding').type('text/html; charset=utf-8');
  const accepts = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(await brotli(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }));
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(await gzip(html));
  return reply.send(html);
}
