import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FileMeta } from './files.repo';
import { FILE_KINDS, fileOwnerQuery, fileUploadQuery, kindOfMime } from '../../../common/files';
import { idParams, route, userOf } from '../../plugins/route';
import { uploadedFile } from '../../plugins/upload';
import type { Services } from '../../services';

/** RFC 6266 with RFC 5987 `filename*` for Chinese names, and an ASCII fallback for old clients. */
function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** A stored file as a download, with the headers every file route sends (the public one too). */
export function sendFile(reply: FastifyReply, file: Pick<FileMeta, 'mime' | 'name'>, content: Buffer): FastifyReply {
  const kind = kindOfMime(file.mime);
  return reply
    .header('content-type', kind === 'txt' ? 'text/plain; charset=utf-8' : file.mime)
    .header('content-disposition', contentDisposition(kind && FILE_KINDS[kind].inline ? 'inline' : 'attachment', file.name))
    .header('x-content-type-options', 'nosniff')
    // Whatever a file holds, it never runs as a page of this site.
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-cache')
    .send(content);
}

// Attachments of any owner. Signing in is all the route asks; the owner's policy (files.service.ts)
// decides who reads and who writes, and answers 404 for what the caller may not see.
export function fileRoutes(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/files',
    access: 'authenticated',
    summary: '附件列表 / list the attachments of an owner',
    query: fileOwnerQuery,
    handler: ({ req, query }) => s.files.list(userOf(req), query),
  });

  route(app, {
    method: 'POST',
    url: '/api/files',
    access: 'authenticated',
    summary: '上传附件（multipart 字段 file）/ upload an attachment',
    query: fileUploadQuery,
    consumes: ['multipart/form-data'],
    created: true,
    handler: ({ req, query }) =>
      s.files.upload(userOf(req), query, () => uploadedFile(req, 'err.files_required')),
  });

  route(app, {
    method: 'GET',
    url: '/api/files/:id',
    access: 'authenticated',
    summary: '下载附件 / download an attachment',
    params: idParams,
    handler: async ({ req, reply, params }) => {
      const { file, content } = await s.files.download(userOf(req), params.id);
      return sendFile(reply, file, content);
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/files/:id',
    access: 'authenticated',
    summary: '删除附件 / delete an attachment',
    params: idParams,
    handler: ({ req, params }) => s.files.remove(userOf(req), params.id),
  });
}
