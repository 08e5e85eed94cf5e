import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file download with its Chinese name (RFC 5987) and an ASCII fallback for old clients. */
export function sendDownload(reply: FastifyReply, buffer: Buffer, filename: string, contentType: string): FastifyReply {
  const ext = filename.slice(filename.lastIndexOf('.'));
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="download${ext}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(buffer);
}
