import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { sendDownload, XLSX_TYPE } from './download';

export interface Sheet {
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** Columns kept as text so Excel does not turn 工号 0012 into 12 or a phone into 1.38E+10. */
  textColumns?: number[];
}

export async function workbookBuffer(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '同心 Tongxin';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.headers).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      const longest = Math.max(h.length * 2, ...s.rows.map((r) => String(r[i] ?? '').length + 2));
      col.width = Math.min(40, Math.max(8, longest));
      if (s.textColumns?.includes(i)) col.numFmt = '@';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const sendXlsx = (reply: FastifyReply, buffer: Buffer, filename: string) => sendDownload(reply, buffer, filename, XLSX_TYPE);
