import JSZip from 'jszip';
import { FILE_KINDS, FILE_NAME_MAX, type FileKind } from '../../common/files';

// What an uploaded file really is, read from its bytes: a name can say anything, and a browser
// that trusted it could be made to run an HTML page or a program from our origin.

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The OOXML package a ZIP is, from its central directory's names (nothing is decompressed). */
async function ooxmlKind(b: Buffer): Promise<FileKind | null> {
  let names: string[];
  try {
    names = Object.keys((await JSZip.loadAsync(b)).files);
  } catch {
    return null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  const has = (dir: string) => names.some((n) => n.startsWith(dir));
  return has('word/') ? 'docx' : has('xl/') ? 'xlsx' : has('ppt/') ? 'pptx' : null;
}

/**
 * A legacy Office file (an OLE compound file) by its main stream: WordDocument, Workbook/Book or
 * PowerPoint Document. Directory entries are 128 bytes and start on 128-byte boundaries after the
 * 512-byte header (sectors are 512 or 4096 bytes), with the UTF-16 name, its byte length at +64 and
 * the entry type (2 = stream) at +66; other compound files (.msi, .msg) have other streams.
 */
function oleKind(b: Buffer): FileKind | null {
  const streams: [string, FileKind][] = [['WordDocument', 'doc'], ['Workbook', 'xls'], ['Book', 'xls'], ['PowerPoint Document', 'ppt']];
  for (let at = 512; at + 128 <= b.length; at += 128) {
    if (b[at + 66] !== 2) continue;
    const len = b.readUInt16LE(at + 64);
    if (len < 2 || len > 64) continue;
    const name = b.toString('utf16le', at, at + len - 2);
    const hit = streams.find(([n]) => n === name);
    if (hit) return hit[1];
  }
  return null;
}

function isUtf8Text(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The kind of file these bytes are, or null when they are none of the accepted kinds. */
export async function detectKind(b: Buffer): Promise<FileKind | null> {
  if (startsWith(b, '%PDF-')) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return 'gif';
  if (startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8)) return 'webp';
  if (startsWith(b, 'PK\x03\x04')) return ooxmlKind(b);
  if (startsWith(b, OLE)) return oleKind(b);
  return isUtf8Text(b) ? 'txt' : null;
}

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
};

export type FileCheck =
  | { ok: true; kind: FileKind }
  | { ok: false; reason: 'empty' | 'not_allowed' | 'mismatch' | 'txt_encoding' };

/** Accepts a file whose bytes are an allowed kind and whose name ends in one of that kind's extensions. */
export async function checkFile(name: string, bytes: Buffer): Promise<FileCheck> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const ext = extensionOf(name);
  const claimed = (Object.keys(FILE_KINDS) as FileKind[]).find((k) => (FILE_KINDS[k].exts as readonly string[]).includes(ext));
  if (!claimed) return { ok: false, reason: 'not_allowed' };
  const kind = await detectKind(bytes);
  if (kind === claimed) return { ok: true, kind };
  // A .txt saved as GBK by an old editor: say what to do about it rather than "wrong type".
  if (claimed === 'txt' && !kind && !bytes.includes(0)) return { ok: false, reason: 'txt_encoding' };
  return { ok: false, reason: 'mismatch' };
}

/**
 * The name as shown and offered on download: no folder parts, no control or direction-override
 * characters (which can make 「报告<U+202E>fdp.exe」 look like a PDF), at most FILE_NAME_MAX characters
 * keeping the extension.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const name = base
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .trim();
  const chars = Array.from(name);
  if (chars.length <= FILE_NAME_MAX) return name;
  const ext = extensionOf(name);
  const tail = ext && ext.length <= 10 ? `.${ext}` : '';
  return chars.slice(0, FILE_NAME_MAX - tail.length).join('') + tail;
}
