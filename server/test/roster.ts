import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { Tables } from '../db/tables';
import type { Client, Res } from './harness';

// Helpers for integration tests that send or receive spreadsheets: a roster .xlsx builder that can
// make the mess real schools send, a reader, a hand-built multipart body, and raw-database probes.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | Date | null;

export interface RosterSpec {
  /** A title merged across the header's width on row 1 (like 「XX学校教职工花名册」). */
  title?: string;
  /** Rows between the title and the header row (notes such as 填报日期). */
  notes?: Cell[][];
  headers: string[];
  /** Data rows; `null` leaves a blank row in the sheet. */
  rows: (Cell[] | null)[];
  /** Extra bytes stored in the file as an image, to make a big but valid workbook. */
  padding?: Buffer;
}

/** Builds an .xlsx. The header lands on row 1 + (title ? 1 : 0) + notes.length. */
export async function rosterXlsx(spec: RosterSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  if (spec.title) {
    ws.addRow([spec.title]);
    ws.mergeCells(1, 1, 1, spec.headers.length);
  }
  for (const n of spec.notes ?? []) ws.addRow(n);
  ws.addRow(spec.headers);
  for (const r of spec.rows) ws.addRow(r ?? []);
  if (spec.padding) {
    const image = wb.addImage({ buffer: spec.padding as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(image, 'P1:Q2');
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first sheet (or `sheet`) as rows of plain values; empty cells are null, row 1 is index 0. */
export async function readSheet(buf: Buffer, sheet = 0): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[sheet];
  const out: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getRow(r).getCell(c).value as unknown;
      if (v && typeof v === 'object' && !(v instanceof Date) && Array.isArray((v as { richText?: unknown }).richText)) {
        row.push((v as { richText: { text: string }[] }).richText.map((t) => t.text).join(''));
      } else row.push(v === undefined || v === '' ? null : (v as Cell));
    }
    out.push(row);
  }
  return out;
}

/** A multipart/form-data body, built the way a browser builds it. `file: null` sends only `fields`. */
export async function multipart(
  file: Buffer | null,
  opts: { filename?: string; field?: string; type?: string; fields?: Record<string, string> } = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) fd.append(k, v);
  if (file) fd.append(opts.field ?? 'file', new Blob([new Uint8Array(file)], { type: opts.type ?? XLSX_TYPE }), opts.filename ?? 'roster.xlsx');
  const r = new Response(fd);
  return { payload: Buffer.from(await r.arrayBuffer()), headers: { 'content-type': r.headers.get('content-type')! } };
}

/** POSTs a file to the import endpoint (query string appended as given, e.g. '?dryRun=1'). */
export async function upload(c: Client, file: Buffer, query = '', opts: Parameters<typeof multipart>[1] = {}): Promise<Res> {
  return c.request('POST', `/api/members/import${query}`, await multipart(file, opts));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-digit 公民身份号码 for the given first 17 digits (GB 11643-1999 check character). */
export function idNumber(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Rows in a table, optionally of one organisation. */
export async function countRows(database: Database, table: 'members' | 'member_groups' | 'audit_log' | 'users' | 'orgs', orgId?: string): Promise<number> {
  const db = database.db;
  let q = db.selectFrom(table as keyof Tables).select((eb) => eb.fn.countAll<number>().as('n'));
  if (orgId) q = q.where(sql.ref(table === 'orgs' ? 'id' : 'org_id'), '=', orgId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function countAll(database: Database) {
  return {
    members: await countRows(database, 'members'),
    member_groups: await countRows(database, 'member_groups'),
    audit_log: await countRows(database, 'audit_log'),
  };
}

/** Every row of every table of this test database as JSON text, to prove something was never stored. */
export async function dumpDatabase(database: Database): Promise<string> {
  const { db, dialect } = database;
  let tables = await db.introspection.getTables();
  if (dialect === 'postgres') {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    tables = tables.filter((t) => t.schema === rows[0].s);
  }
  expect_(tables.length > 3, 'no tables found to scan');
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await db.selectFrom(t.name as keyof Tables).selectAll().execute();
    parts.push(`${t.name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

function expect_(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}
