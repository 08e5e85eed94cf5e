import type { FastifyRequest } from 'fastify';
import type { MessageKey } from '../../common/i18n';
import { AppError } from '../lib/errors';

/**
 * The one file of a multipart request (field `file`), read whole. `missing` names the message for a
 * request without it.
 */
export async function uploadedFile(req: FastifyRequest, missing: MessageKey): Promise<{ filename: string; bytes: Buffer }> {
  const file = req.isMultipart() ? await req.file() : undefined;
  if (!file || file.fieldname !== 'file') throw new AppError(400, 'file_required', missing);
  const bytes = await file.toBuffer();
  // toBuffer() misses a cut flagged after the last byte it read (the limit reached exactly at a packet's
  // end): without this check a larger file would be taken cut at the limit.
  if (file.file.truncated) throw new req.server.multipartErrors.RequestFileTooLargeError();
  return { filename: file.filename, bytes };
}
