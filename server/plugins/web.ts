import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NOT_FRAMED, pagePolicy } from './pagePolicy';
import { sendPersonalPage, serverPages } from './serverPage';

/** The built SPA: static files, and index.html for any non-API path so client routes survive a reload. */
export async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  const root = path.resolve(dist);
  if (!dist || !fs.existsSync(path.join(root, 'index.html'))) return;
  await app.register(async (web) => {
    web.addHook('onRoute', (r) => {
      r.config = { ...(r.config as object), access: 'public' };
    });
    // Every page the web sends, whichever route sends it, carries its policy (pagePolicy.ts).
    const policy = pagePolicy(root);
    web.addHook('onSend', (_req, reply, _payload, done) => {
      reply.headers(NOT_FRAMED);
      if (String(reply.getHeader('content-type')).startsWith('text/html')) reply.header('content-security-policy', policy());
      done();
    });
    // preCompressed: the build writes .br/.gz beside each file (vite.config.ts); sent to browsers that accept them.
    // Caching is decided here, for every file the plugin sends (it also routes each file it found itself):
    // index.html is always revalidated, so a new release's asset names are seen at once; hashed assets never change.
    const assets = path.join(root, 'assets') + path.sep;
    const cacheFor = (file: string) =>
      /\.html(\.br|\.gz)?$/.test(file) ? 'no-cache' : file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
    await web.register(fastifyStatic, { root, wildcard: false, index: false, cacheControl: false, preCompressed: true, dotfiles: 'deny', setHeaders: (reply, file) => reply.header('cache-control', cacheFor(file)) });
    // A first screen with an HTML of its own (login.html: its styles made at build time) is sent for its
    // path; every other client route gets index.html.
    const pages = new Map(
      fs
        .readdirSync(root)
        .filter((f) => /^[a-z-]+\.html$/.test(f) && f !== 'index.html')
        .map((f) => [`/${f.slice(0, -'.html'.length)}`, f]),
    );
    // The home, for someone signed in, drawn by the server with its data (serverPage.ts).
    const drawHome = serverPages(app, root);
    const sendPage = (url: string, reply: FastifyReply) => reply.sendFile(pages.get(url.split('?')[0]) ?? 'index.html');
    web.get('/', async (req, reply) => {
      const drawn = await drawHome?.(req);
      return drawn ? sendPersonalPage(req, reply, drawn) : sendPage(req.url, reply);
    });
    web.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const rel = (req.params as { '*': string })['*'];
      const file = path.resolve(root, rel);
      // Dot files and folders are the build's own (the server's module that draws pages), never sent.
      const hidden = rel.split('/').some((part) => part.startsWith('.'));
      if (!hidden && file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return sendPage(req.url, reply);
    });
  });
}
