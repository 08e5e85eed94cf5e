import { createHash } from 'node:crypto';
import type { SessionUser } from '../../../common/auth';
import { FILE_EXTENSIONS, FILE_KINDS, FILES_PER_OWNER, type FileInfo, type AttachmentList, type FileOwnerKind, type FileUploadQuery } from '../../../common/files';
import type { MessageKey } from '../../../common/i18n';
import type { Db } from '../../db/database';
import { AppError, Forbidden, NotFound } from '../../lib/errors';
import { randomToken } from '../../lib/ids';
import { checkFile, cleanFileName, type FileCheck } from '../../lib/filetype';
import { nowIso } from '../../lib/time';
import { actorOf, auditRepo } from '../audit/audit.repo';
import { filesRepo, type FileMeta } from './files.repo';

/**
 * Who may see and change the files of one kind of owner. The owner's module writes it, because only
 * it knows the rules (a proposal's files: whoever may see the proposal reads them, its proposer
 * changes them while it is a draft). Both answer false for another school's owner.
 */
export interface FileOwnerPolicy {
  canRead(user: SessionUser, ownerId: string): Promise<boolean>;
  canWrite(user: SessionUser, ownerId: string): Promise<boolean>;
}
export type FilePolicies = Record<FileOwnerKind, FileOwnerPolicy>;

export interface Upload {
  filename: string;
  bytes: Buffer;
}

const REFUSALS: Record<Exclude<FileCheck, { ok: true }>['reason'], { code: string; key: MessageKey }> = {
  empty: { code: 'file_empty', key: 'err.files_empty' },
  not_allowed: { code: 'file_type', key: 'err.files_type' },
  mismatch: { code: 'file_mismatch', key: 'err.files_mismatch' },
  txt_encoding: { code: 'file_encoding', key: 'err.files_txt_encoding' },
};

const audited = (f: FileMeta) => ({ ownerKind: f.owner_kind, ownerId: f.owner_id, label: f.label, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 });

const toInfo = (f: FileMeta & { uploader_name?: string | null }): FileInfo => ({
  id: f.id,
  name: f.name,
  label: f.label,
  mime: f.mime,
  size: f.size,
  uploadedAt: f.created_at,
  uploadedBy: f.uploader_name ?? null,
});

export function createFilesService(db: Db, uploadLimitMb: number, policies: FilePolicies) {
  function policyOf(kind: string): FileOwnerPolicy {
    if (!Object.hasOwn(policies, kind)) throw new AppError(400, 'unknown_owner_kind', 'err.files_owner_kind');
    return policies[kind as FileOwnerKind];
  }

  /** 404 for an owner the user may not see (ids reveal nothing); 403 to write what they may only read. */
  async function checkOwner(user: SessionUser, kind: string, ownerId: string, write: boolean, notFound: MessageKey = 'err.not_found') {
    const policy = policyOf(kind);
    if (!(await policy.canRead(user, ownerId))) throw NotFound(notFound);
    if (write && !(await policy.canWrite(user, ownerId))) throw Forbidden('err.files_forbidden');
  }

  async function fileFor(user: SessionUser, id: string, write: boolean): Promise<FileMeta> {
    const f = await filesRepo.find(db, user.org.id, id);
    if (!f) throw NotFound('err.files_not_found');
    await checkOwner(user, f.owner_kind, f.owner_id, write, 'err.files_not_found');
    return f;
  }

  async function expectRoom(trx: Db, orgId: string, kind: string, ownerId: string) {
    if ((await filesRepo.count(trx, orgId, kind, ownerId)) >= FILES_PER_OWNER) {
      throw new AppError(409, 'files_limit', 'err.files_limit', { max: FILES_PER_OWNER });
    }
  }

  return {
    /** The files, and the limits an upload form tells people before they pick a file. */
    async list(user: SessionUser, q: { ownerKind: string; ownerId: string }): Promise<AttachmentList> {
      await checkOwner(user, q.ownerKind, q.ownerId, false);
      const items = (await filesRepo.list(db, user.org.id, q.ownerKind, q.ownerId)).map(toInfo);
      return { items, total: items.length, maxFiles: FILES_PER_OWNER, maxMb: uploadLimitMb };
    },

    /**
     * Checks who may write and that there is room before `read` takes the body in, then stores the
     * file only if its bytes are an allowed type matching its name.
     */
    async upload(user: SessionUser, q: FileUploadQuery, read: () => Promise<Upload>): Promise<FileInfo> {
      const orgId = user.org.id;
      await checkOwner(user, q.ownerKind, q.ownerId, true);
      await expectRoom(db, orgId, q.ownerKind, q.ownerId);
      const { filename, bytes } = await read();
      const name = cleanFileName(filename);
      const check = await checkFile(name, bytes);
      if (!check.ok) {
        const r = REFUSALS[check.reason];
        throw new AppError(422, r.code, r.key, { types: FILE_EXTENSIONS.map((e) => `.${e}`).join(' ') });
      }
      const label = q.label?.replace(/[\u0000-\u001f\u007f]/g, '').trim() || null;
      const row = {
        id: randomToken(16),
        org_id: orgId,
        owner_kind: q.ownerKind,
        owner_id: q.ownerId,
        label,
        name,
        mime: FILE_KINDS[check.kind].mime,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: bytes,
        uploaded_by: user.id,
        created_at: nowIso(),
      };
      await db.transaction().execute(async (trx) => {
        await expectRoom(trx, orgId, q.ownerKind, q.ownerId);
        await filesRepo.insert(trx, row);
        await auditRepo.record(trx, actorOf(user), { action: 'upload', entity: 'file', entityId: row.id, label: name, after: audited(row) });
      });
      return toInfo({ ...row, uploader_name: user.displayName });
    },

    async download(user: SessionUser, id: string): Promise<{ file: FileMeta; content: Buffer }> {
      const file = await fileFor(user, id, false);
      const content = await filesRepo.content(db, user.org.id, id);
      if (!content) throw NotFound('err.files_not_found');
      return { file, content };
    },

    async remove(user: SessionUser, id: string): Promise<void> {
      const f = await fileFor(user, id, true);
      await db.transaction().execute(async (trx) => {
        await filesRepo.remove(trx, user.org.id, id);
        await auditRepo.record(trx, actorOf(user), { action: 'delete', entity: 'file', entityId: id, label: f.name, before: audited(f) });
      });
    },
  };
}
export type FilesService = ReturnType<typeof createFilesService>;
