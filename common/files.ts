import { z } from 'zod';

// Attachments (会议材料, 提案附件, later 校务公开 and 意见箱): what may be uploaded and how it is described.

/**
 * The accepted types. The server detects the type from the bytes (server/lib/filetype.ts) and refuses a
 * file whose name does not end in one of its kind's extensions. `inline`: the browser may show it itself.
 */
export const FILE_KINDS = {
  pdf: { exts: ['pdf'], mime: 'application/pdf', inline: true },
  png: { exts: ['png'], mime: 'image/png', inline: true },
  jpeg: { exts: ['jpg', 'jpeg'], mime: 'image/jpeg', inline: true },
  gif: { exts: ['gif'], mime: 'image/gif', inline: true },
  webp: { exts: ['webp'], mime: 'image/webp', inline: true },
  docx: { exts: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  xlsx: { exts: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
  pptx: { exts: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', inline: false },
  // WPS Office's own .wps/.et/.dps are the same compound files as .doc/.xls/.ppt (same main stream).
  doc: { exts: ['doc', 'wps'], mime: 'application/msword', inline: false },
  xls: { exts: ['xls', 'et'], mime: 'application/vnd.ms-excel', inline: false },
  ppt: { exts: ['ppt', 'dps'], mime: 'application/vnd.ms-powerpoint', inline: false },
  txt: { exts: ['txt'], mime: 'text/plain', inline: false },
} as const satisfies Record<string, { exts: readonly string[]; mime: string; inline: boolean }>;
export type FileKind = keyof typeof FILE_KINDS;

export const FILE_EXTENSIONS: readonly string[] = Object.values(FILE_KINDS).flatMap((k) => k.exts);
/** For `<input accept>`: the picker offers only what the server accepts. */
export const FILE_ACCEPT = FILE_EXTENSIONS.map((e) => `.${e}`).join(',');

export const kindOfMime = (mime: string): FileKind | undefined =>
  (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].mime === mime);

/** The owners a file can belong to; each has an access policy on the server. */
export const FILE_OWNER_KINDS = ['congress_session', 'proposal', 'suggestion', 'disclosure', 'case', 'meeting'] as const;
export type FileOwnerKind = (typeof FILE_OWNER_KINDS)[number];

export const FILES_PER_OWNER = 20;
export const FILE_NAME_MAX = 200;
export const FILE_LABEL_MAX = 60;

// ownerKind is checked against the registered policies (400 when unknown), not here.
export const fileOwnerQuery = z.object({
  ownerKind: z.string().min(1).max(40),
  ownerId: z.string().min(1).max(64),
});
export const fileUploadQuery = fileOwnerQuery.extend({
  /** What the file is for, e.g. the agenda item 工作报告. */
  label: z.string().trim().max(FILE_LABEL_MAX, { message: 'err.too_long' }).optional(),
});
export type FileUploadQuery = z.infer<typeof fileUploadQuery>;

export interface FileInfo {
  id: string;
  name: string;
  label: string | null;
  mime: string;
  size: number;
  uploadedAt: string;
  /** The uploader's name; null for anonymous writers. */
  uploadedBy: string | null;
}
export interface AttachmentList {
  items: FileInfo[];
  total: number;
  maxFiles: number;
  /** The largest file accepted, in MB (setting UPLOAD_LIMIT_MB). */
  maxMb: number;
}
