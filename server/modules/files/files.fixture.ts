import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';

// Real files for the tests: Office documents made by the libraries that make them in the wild, and
// the smallest valid images and PDF written out byte by byte.

export async function realDocx(text = '工作报告'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] }));
}

export async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('财务报告').addRow(['项目', '金额']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 1×1 transparent PNG. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082',
  'hex',
);

/** A one-page PDF with nothing on it. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** The start of a Windows program (MZ header, DOS stub), as a renamed .exe would begin. */
export const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000', 'hex'), Buffer.alloc(64), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);

/**
 * A compound (OLE) file with a root entry and one stream named `stream`, laid out as Office writes
 * it: 512-byte header, then the directory sector of 128-byte entries.
 */
export function oleFile(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt32LE(0, 0x30); // first directory sector
  const dir = Buffer.alloc(512);
  const entry = (i: number, name: string, type: number) => {
    dir.write(name, i * 128, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
    dir[i * 128 + 66] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, stream, 2);
  return Buffer.concat([header, dir, Buffer.alloc(512)]);
}
