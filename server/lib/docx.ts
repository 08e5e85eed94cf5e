import type { FastifyReply } from 'fastify';
import { DOCX_TYPE, sendDownload } from './download';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun, type ISectionOptions } from 'docx';

/** Chinese text needs an East Asian font named in the file; Noto Sans CJK is what Debian ships (fonts-noto-cjk). */
export const CJK_FONT = 'Noto Sans CJK SC';

type Child = ISectionOptions['children'][number];

export const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(text)] });
export const para = (text: string) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun(text)] });

/** A Word document with a centred title and subtitle, in the CJK font throughout. */
export function cjkDocument(title: string, subtitle: string, children: Child[]): Promise<Buffer> {
  const doc = new Document({
    creator: '同心 Tongxin',
    title,
    styles: { default: { document: { run: { font: { ascii: CJK_FONT, hAnsi: CJK_FONT, eastAsia: CJK_FONT, cs: CJK_FONT }, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(subtitle)] }),
          ...children,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const sendDocx = (reply: FastifyReply, buffer: Buffer, filename: string) => sendDownload(reply, buffer, filename, DOCX_TYPE);
