import ExcelJS from 'exceljs';
import {
  EMPLOYEE_NO_RE, GENDER_LABELS, HARDSHIP_LABELS, MEMBER_STATUS_LABELS, PHONE_RE, ROSTER_COLUMNS,
  STAFF_CATEGORY_LABELS, TITLE_LABELS, isIsoDate,
  type Gender, type HardshipLevel, type ImportError, type MemberStatus, type RosterField, type StaffCategory, type Title,
} from '../../../common/members';
import { parseIdCard } from './idcard';

// Pure parser for member roster uploads: finds the header row, maps the many header spellings
// schools use, normalises values and reports row-level errors in plain Chinese. No database access.

export interface RosterMember {
  employeeNo: string;
  name: string;
  gender?: Gender | null;
  birthDate?: string | null;
  phone?: string | null;
  department?: string | null;
  staffCategory?: StaffCategory;
  title?: Title;
  politicalStatus?: string | null;
  hireDate?: string | null;
  joinDate?: string | null;
  status?: MemberStatus;
  group?: string | null;
  hardshipLevel?: HardshipLevel;
}
export interface ParsedRow { row: number; member: RosterMember; raw: Record<string, string>; errors: ImportError[] }
export interface ParsedRoster { headerRow: number; fields: RosterField[]; rows: ParsedRow[] }

export class RosterFormatError extends Error {
  constructor(public key: 'err.import_no_header' | 'err.file_not_xlsx') {
    super(key);
    this.name = 'RosterFormatError';
  }
}

/** The ID number column is read only to fill in gender / birth date; it never leaves this module. */
type ColKey = RosterField | 'idCard';

// Earlier synonyms win when a file has two columns for the same field (手机号 beats 电话,
// 部门 beats 年级组/教研组).
const SYNONYMS: Record<ColKey, string[]> = {
  employeeNo: ['工号', '职工号', '教工号', '人员编号', '编号'],
  name: ['姓名', '教职工姓名', '名字'],
  gender: ['性别'],
  birthDate: ['出生日期', '出生年月日', '出生年月', '生日'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '联系方式', '电话'],
  department: ['部门', '所在部门', '处室', '所在处室', '科室', '年级组', '教研组'],
  staffCategory: ['岗位类别', '岗位类型', '人员类别', '岗位'],
  title: ['职称', '职称等级', '专业技术职务'],
  politicalStatus: ['政治面貌'],
  hireDate: ['入职日期', '入职时间', '参加工作时间', '参加工作日期', '来校时间'],
  joinDate: ['入会日期', '入会时间', '加入工会日期'],
  status: ['状态', '人员状态', '在职状态'],
  group: ['工会小组', '所在小组', '工会组', '小组'],
  hardshipLevel: ['困难职工', '困难职工等级', '困难类别', '困难等级'],
  idCard: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
};

const toHalfWidth = (s: string) =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** 「 出生日期(yyyy-mm-dd)」「手机号*」「*姓 名：」 all reduce to the bare name. */
const normHeader = (s: string) =>
  toHalfWidth(s).replace(/\s+/g, '').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '').replace(/[*:]/g, '');

const HEADER_LOOKUP = new Map<string, { key: ColKey; rank: number }>();
for (const [key, names] of Object.entries(SYNONYMS) as [ColKey, string[]][]) {
  names.forEach((n, rank) => HEADER_LOOKUP.set(n, { key, rank }));
}
const CANONICAL = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.field, c.header])) as Record<RosterField, string>;

// ---- cell values -------------------------------------------------------------------------

type Prim = string | number | boolean | Date | null;

/** Rich text, formulas and hyperlinks reduce to what Excel displays. */
function unwrap(v: unknown): Prim {
  if (v == null) return null;
  if (typeof v !== 'object' || v instanceof Date) return v as Prim;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('result' in o) return unwrap(o.result);
  if ('text' in o) return unwrap(o.text);
  if ('error' in o) return String(o.error);
  return null;
}

function cellValue(cell: ExcelJS.Cell): Prim {
  const v = unwrap(cell.value);
  // Control characters (NUL above all: PostgreSQL text cannot hold it) never mean anything in a roster.
  if (typeof v === 'string') return v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  // A 工号 like 0012 kept as a number formatted "0000" would otherwise lose its leading zeros.
  if (typeof v === 'number' && Number.isInteger(v) && /^0+$/.test(cell.numFmt ?? '')) return String(v).padStart(cell.numFmt.length, '0');
  return v;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
const display = (v: Prim) => (v == null ? '' : v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : isoOf(v)) : String(v).trim());

// ---- dates ---------------------------------------------------------------------------------

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function ymd(y: number, m: number, d: number): string | null {
  const s = `${y}-${pad2(m)}-${pad2(d)}`;
  return y >= 1900 && y <= 2100 && isIsoDate(s) ? s : null;
}

function serialToIso(n: number, date1904: boolean): string | null {
  let days = Math.floor(n);
  if (date1904) days += 1462;
  else if (days < 61) {
    // Excel's 1900 calendar has a fictitious 1900-02-29 (serial 60); serials before it are one day early.
    if (days === 60) return null;
    days += 1;
  }
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function parseDate(v: Prim, label: string, date1904: boolean): Result<string> {
  const shown = display(v);
  const bad: Result<string> = { ok: false, message: `${label}“${shown}”不是有效日期` };
  let iso: string | null = null;
  if (v instanceof Date) iso = Number.isNaN(v.getTime()) ? null : ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  else if (typeof v === 'number') {
    const int = Math.floor(v);
    if (int >= 1900 && int <= 2100) {
      // 出生年月 typed as the number 1985.03; 1985.1 may have been 1985.10 before Excel dropped the zero.
      const frac = String(v).split('.')[1] ?? '';
      if (frac === '1') return { ok: false, message: `${label}“${shown}”无法确定是 1 月还是 10 月，请写成 ${int}-01 或 ${int}-10` };
      if (frac.length === 1 || frac.length === 2) iso = ymd(int, Number(frac), 1);
    } else if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) iso = ymd(int / 1e4 | 0, (int / 100 | 0) % 100, int % 100);
    else if (Number.isInteger(v) && v >= 190001 && v <= 210012) iso = ymd(int / 100 | 0, int % 100, 1);
    else if (v >= 1) iso = serialToIso(v, date1904);
  } else if (typeof v === 'string') {
    const t = toHalfWidth(v).trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/\s+/g, '');
    const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})?$/.exec(t);
    if (m) iso = ymd(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  }
  return iso ? { ok: true, value: iso } : bad;
}

// ---- enums ---------------------------------------------------------------------------------

const enumKey = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();

interface EnumSpec { labels: Record<string, { zh: string; en: string }>; lookup: Map<string, string> }
function enumSpec(labels: Record<string, { zh: string; en: string }>, synonyms: Record<string, string[]>): EnumSpec {
  const lookup = new Map<string, string>();
  for (const [value, l] of Object.entries(labels)) {
    for (const s of [value, l.zh, l.en, ...(synonyms[value] ?? [])]) lookup.set(enumKey(s), value);
  }
  return { labels, lookup };
}

const ENUMS: Partial<Record<RosterField, EnumSpec>> = {
  gender: enumSpec(GENDER_LABELS, { male: ['男性', 'M'], female: ['女性', 'F'] }),
  staffCategory: enumSpec(STAFF_CATEGORY_LABELS, {
    teacher: ['专任教师', '专技', '专业技术'], staff: ['管理', '行政', '管理人员'], worker: ['工勤技能', '后勤'],
  }),
  title: enumSpec(TITLE_LABELS, {
    none: ['未定级', '见习'],
    junior: ['员级', '助理级', '二级教师', '三级教师', '助理讲师'],
    intermediate: ['一级教师', '讲师'],
    associate_senior: ['副高', '高级教师', '副教授'],
    senior: ['正高', '正高级教师', '教授'],
  }),
  status: enumSpec(MEMBER_STATUS_LABELS, { active: ['在岗'], retired: ['已退休'], transferred: ['调出', '离职'] }),
  hardshipLevel: enumSpec(HARDSHIP_LABELS, { none: ['否', '不是', '非'], ordinary: ['一般', '困难', '是'], severe: ['特别困难'] }),
};

// politicalStatus is free text, but folding the usual short forms keeps reports grouped.
const POLITICAL_ALIASES: Record<string, string> = {
  党员: '中共党员', 共产党员: '中共党员', 中国共产党党员: '中共党员', 预备党员: '中共预备党员',
  团员: '共青团员', 中国共产主义青年团团员: '共青团员', 无党派: '无党派人士',
};
const TEXT_MAX: Partial<Record<RosterField, number>> = { department: 60, politicalStatus: 20, group: 40 };

// ---- one field -------------------------------------------------------------------------------

/** undefined = leave the key out of the member (blank enum cell: don't overwrite on update). */
function parseField(field: RosterField, v: Prim, date1904: boolean): Result<unknown> | undefined {
  const label = CANONICAL[field];
  const shown = display(v);
  if (shown === '') {
    if (field === 'employeeNo' || field === 'name') return { ok: false, message: `缺少${label}` };
    return field in ENUMS && field !== 'gender' ? undefined : { ok: true, value: null };
  }
  const spec = ENUMS[field];
  if (spec) {
    const value = spec.lookup.get(enumKey(shown));
    if (value) return { ok: true, value };
    const allowed = Object.values(spec.labels).map((l) => l.zh).join('、');
    return { ok: false, message: `${label}“${shown}”无法识别，可填：${allowed}` };
  }
  switch (field) {
    case 'employeeNo': {
      const no = toHalfWidth(shown).replace(/\s+/g, '');
      return EMPLOYEE_NO_RE.test(no) ? { ok: true, value: no } : { ok: false, message: `${label}“${shown}”只能包含字母、数字和 -，最长 32 位` };
    }
    case 'name': {
      // Two-character names are often padded to line up (张  三); Latin names keep single spaces.
      const name = /[\u3400-\u9fff]/.test(shown) ? shown.replace(/\s+/g, '') : shown.replace(/\s+/g, ' ');
      return [...name].length <= 40 ? { ok: true, value: name } : { ok: false, message: `${label}“${shown}”过长，最多 40 个字` };
    }
    case 'phone': {
      let phone = toHalfWidth(shown).replace(/\s+/g, '');
      const mobile = phone.replace(/-/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
      if (/^1\d{10}$/.test(mobile)) phone = mobile;
      if (PHONE_RE.test(phone)) return { ok: true, value: phone };
      return {
        ok: false,
        message: mobile.startsWith('1') ? `${label}“${shown}”不是有效的 11 位手机号` : `${label}“${shown}”不是有效的手机号或带区号的固定电话（如 0551-12345678）`,
      };
    }
    case 'birthDate':
    case 'hireDate':
    case 'joinDate':
      return parseDate(v, label, date1904);
    default: {
      const text = field === 'politicalStatus' ? (POLITICAL_ALIASES[shown] ?? shown) : shown;
      const max = TEXT_MAX[field] ?? 60;
      return [...text].length <= max ? { ok: true, value: text } : { ok: false, message: `${label}“${shown}”过长，最多 ${max} 个字` };
    }
  }
}

// ---- sheet ---------------------------------------------------------------------------------

interface Column { key: ColKey; col: number; header: string; rank: number }

function matchHeaderRow(row: ExcelJS.Row, columnCount: number): Map<ColKey, Column> {
  const found = new Map<ColKey, Column>();
  for (let col = 1; col <= columnCount; col++) {
    const header = display(cellValue(row.getCell(col)));
    const hit = HEADER_LOOKUP.get(normHeader(header));
    if (!hit) continue;
    const prev = found.get(hit.key);
    if (!prev || hit.rank < prev.rank) found.set(hit.key, { key: hit.key, col, header, rank: hit.rank });
  }
  return found;
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<ColKey, Column> } | null {
  let best: { row: number; columns: Map<ColKey, Column> } | null = null;
  for (let r = 1; r <= Math.min(20, ws.rowCount); r++) {
    const columns = matchHeaderRow(ws.getRow(r), ws.columnCount);
    if (!columns.has('employeeNo') || !columns.has('name')) continue;
    if (!best || columns.size > best.columns.size) best = { row: r, columns };
  }
  return best;
}

export async function parseRoster(data: Buffer | ArrayBuffer): Promise<ParsedRoster> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((Buffer.isBuffer(data) ? data : Buffer.from(data)) as unknown as ExcelJS.Buffer);
  } catch {
    throw new RosterFormatError('err.file_not_xlsx');
  }
  const date1904 = Boolean(wb.properties?.date1904);

  for (const ws of wb.worksheets) {
    const header = findHeader(ws);
    if (!header) continue;
    const columns = [...header.columns.values()];
    const fieldColumns = ROSTER_COLUMNS.flatMap((c) => header.columns.get(c.field) ?? []) as (Column & { key: RosterField })[];
    const idColumn = header.columns.get('idCard');
    const rows: ParsedRow[] = [];
    const seenNo = new Map<string, number>();

    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r); // unlike getRow, does not materialise rows that are absent from the file
      if (!row) continue;
      const values = new Map(columns.map((c) => [c.key, cellValue(row.getCell(c.col))]));
      // Rows with only a 序号 or other unknown columns filled are template filler, not members.
      if (columns.every((c) => display(values.get(c.key) ?? null) === '')) continue;

      const member = { employeeNo: '', name: '' } as RosterMember;
      const raw: Record<string, string> = {};
      const errors: ImportError[] = [];
      for (const c of fieldColumns) {
        const v = values.get(c.key) ?? null;
        const res = parseField(c.key, v, date1904);
        raw[CANONICAL[c.key]] = res?.ok && typeof res.value === 'string' && c.key.endsWith('Date') ? res.value : display(v);
        if (!res) continue;
        if (res.ok) (member as unknown as Record<string, unknown>)[c.key] = res.value;
        else errors.push({ row: r, column: c.header, message: res.message });
      }

      const noColumn = header.columns.get('employeeNo')!;
      const firstRow = member.employeeNo ? seenNo.get(member.employeeNo) : undefined;
      if (firstRow !== undefined) {
        errors.push({ row: r, column: noColumn.header, message: `工号“${member.employeeNo}”在第 ${firstRow} 行已出现，同一文件中工号不能重复` });
      } else if (member.employeeNo) seenNo.set(member.employeeNo, r);

      if (idColumn) {
        const blank = (k: RosterField) => !header.columns.has(k) || display(values.get(k) ?? null) === '';
        const needGender = blank('gender');
        const needBirth = blank('birthDate');
        const id = display(values.get('idCard') ?? null);
        if ((needGender || needBirth) && id !== '') {
          // Never quote the number itself: error messages end up in logs and audit records.
          const parsed = parseIdCard(id);
          if (!parsed.ok) errors.push({ row: r, column: idColumn.header, message: `身份证号${parsed.reason}` });
          else {
            if (needGender) member.gender = parsed.gender;
            if (needBirth) member.birthDate = parsed.birthDate;
          }
        }
      }
      rows.push({ row: r, member, raw, errors });
    }
    return { headerRow: header.row, fields: fieldColumns.map((c) => c.key), rows };
  }
  throw new RosterFormatError('err.import_no_header');
}
