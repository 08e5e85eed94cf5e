import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../../common/members';
import { DIALECTS, makeApp, type Client, type TestApp } from '../../test/harness';
import { countAll, dumpDatabase, idNumber, multipart, readSheet, rosterXlsx, upload, type Cell } from '../../test/roster';

// The roster import as a union clerk meets it: a file from the office with a merged title, the header
// on row 3, headers spelt their own way, dates in five formats, full-width digits, an ID-number column.

const ID17 = '34010419900708002'; // 1990-07-08, 17th digit even → female
const ID = idNumber(ID17);
const HEADERS = ['序号', '工号', '姓名 ', '性别', '出生年月', ' 联系电话 ', '所在部门', '职称', '政治面貌', '工会小组', '身份证号'];
const title = '第一中学2024年教职工花名册';
const notes: Cell[][] = [['填报单位：第一中学', null, null, '填报日期：2024年9月']];

/** Spreadsheet rows 4–12 (row 7 blank, row 11 only a 序号). */
function messyRows(): (Cell[] | null)[] {
  return [
    [1, 'T001', '张三', '男', new Date(Date.UTC(1985, 2, 12)), '13800001111', '语文组', '一级教师', '中共党员', '语文组', null],
    [2, 'T002', '李四  ', '女', '1986/4/5', '13800002222', '教务处 ', '高级教师', '群众', '数学组', null],
    [3, 'T003', '王五', '男', '1987.05.06', '１３９００００３３３３', '数学组', '二级教师', null, '数学组', null],
    null,
    [4, 'Ｔ００４', '赵六', '女', '1988年6月7日', '13800004444', '总务处', null, '党员', null, null],
    [5, 'T005', '钱七', null, '1985年3月', '13800005555', '语文组', null, null, '语文组', null],
    [6, 'T006', '孙八', null, null, '13800006666', '英语组', null, null, null, ID],
    [7],
    [8, 'T007', '周九', '男', '1989-10-11', null, null, null, null, null, null],
  ];
}
const messy = (rows = messyRows()) => rosterXlsx({ title, notes, headers: HEADERS, rows });

describe.each(DIALECTS)('roster import on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await makeApp(dialect);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const member = async (c: Client, no: string) => {
    const res = await c.get(`/api/members?q=${no}`);
    return res.json.items.find((m: { employeeNo: string }) => m.employeeNo === no);
  };

  it('previews with ?dryRun=1: counts and rows as the sheet numbers them, and writes nothing', async () => {
    const before = await countAll(t.database);
    const res = await upload(admin, await messy(), '?dryRun=1');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 7, updated: 0, unchanged: 0, groupsCreated: 2, dryRun: true, errors: [] });
    expect(res.json.preview.map((p: { row: number }) => p.row)).toEqual([4, 5, 6, 8, 9, 10, 12]);
    expect(res.json.preview.every((p: { action: string }) => p.action === 'create')).toBe(true);
    expect(res.json.preview[0]).toMatchObject({ row: 4, employeeNo: 'T001', name: '张三' });
    expect(res.json.preview[0].values['出生日期']).toBe('1985-03-12');
    expect(JSON.stringify(res.json)).not.toContain(ID17);
    expect(await countAll(t.database)).toEqual(before);
  });

  it('imports the messy file: header below a merged title, odd headers, five date formats, full-width digits, ID-derived fields', async () => {
    const res = await upload(admin, await messy());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 7, updated: 0, unchanged: 0, groupsCreated: 2, dryRun: false, errors: [] });
    expect((await admin.get('/api/groups')).json.items.map((g: { name: string }) => g.name).sort()).toEqual(['数学组', '语文组'].sort());

    expect(await member(admin, 'T001')).toMatchObject({ name: '张三', gender: 'male', birthDate: '1985-03-12', phone: '13800001111', department: '语文组', title: 'intermediate', politicalStatus: '中共党员', groupName: '语文组' });
    expect(await member(admin, 'T002')).toMatchObject({ name: '李四', gender: 'female', birthDate: '1986-04-05', department: '教务处', title: 'associate_senior', groupName: '数学组' });
    expect(await member(admin, 'T003')).toMatchObject({ birthDate: '1987-05-06', phone: '13900003333', title: 'junior' });
    expect(await member(admin, 'T004')).toMatchObject({ name: '赵六', birthDate: '1988-06-07', politicalStatus: '中共党员', groupId: null });
    expect(await member(admin, 'T005')).toMatchObject({ name: '钱七', birthDate: '1985-03-01', gender: null });
    expect(await member(admin, 'T006')).toMatchObject({ name: '孙八', gender: 'female', birthDate: '1990-07-08' });
    expect(await member(admin, 'T007')).toMatchObject({ birthDate: '1989-10-11', phone: null });
    expect((await admin.get('/api/members?q=T00')).json.total).toBe(7);
  });

  it('changes nothing when the same file is imported again', async () => {
    const rows = () => t.database.db.selectFrom('members').select(['employee_no', 'updated_at']).where('org_id', '=', t.a.orgId).orderBy('employee_no').execute();
    const before = await rows();
    const groupsBefore = await countAll(t.database);
    const res = await upload(admin, await messy());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 0, updated: 0, unchanged: 7, groupsCreated: 0, errors: [] });
    expect(await rows()).toEqual(before);
    expect((await countAll(t.database)).member_groups).toBe(groupsBefore.member_groups);
    const memberWrites = await t.database.db.selectFrom('audit_log').select('id').where('org_id', '=', t.a.orgId).where('action', 'in', ['import_create', 'import_update']).execute();
    expect(memberWrites).toHaveLength(7); // only the first import's creations
  });

  it('updates exactly the member whose cell changed, with an audit row of before/after', async () => {
    const rows = messyRows();
    rows[2]![6] = '物理组';
    const res = await upload(admin, await messy(rows));
    expect(res.json).toMatchObject({ created: 0, updated: 1, unchanged: 6, errors: [] });
    const t003 = await member(admin, 'T003');
    expect(t003.department).toBe('物理组');
    const audit = (await admin.get(`/api/audit?entityId=${t003.id}&action=import_update`)).json.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { department: '数学组' }, after: { department: '物理组' } });
  });

  it('has PostgreSQL read the tables afresh after a bulk import, so no plan made on near-empty tables stays', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => [i + 1, `S${String(i).padStart(4, '0')}`, `批量${i}`, i % 2 ? '男' : '女', '1990-01-01', null, '语文组', null, null, null, null]);
    const analyzed = async () =>
      dialect === 'postgres' ? (await sql<{ n: number }>`select count(*)::int as n from pg_stat_user_tables where relname = 'members' and schemaname = current_schema() and last_analyze is not null`.execute(t.database.db)).rows[0].n : 1;
    if (dialect === 'postgres') expect(await analyzed()).toBe(0);
    const res = await upload(admin, await rosterXlsx({ headers: HEADERS, rows }));
    expect(res.json).toMatchObject({ created: 600, errors: [] });
    expect(await analyzed()).toBe(1);
  });

  describe('rows with errors (school B)', () => {
    let b: Client;
    const bad = () => {
      const rows = messyRows();
      rows[1]![5] = '1380000222'; // row 5: 10 digits
      rows[2]![4] = '1987-02-30'; // row 6: no such day
      return messy(rows);
    };
    beforeAll(async () => {
      b = await t.as('admin', t.b);
    });

    it('reports each error with the spreadsheet row, the header as written and a message a clerk understands', async () => {
      const res = await upload(b, await bad(), '?dryRun=1');
      expect(res.status).toBe(200);
      expect(res.json.errors).toEqual([
        { row: 5, column: '联系电话', message: expect.stringContaining('1380000222') },
        { row: 6, column: '出生年月', message: expect.stringContaining('1987-02-30') },
      ]);
      for (const e of res.json.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.json).toMatchObject({ created: 5 });
      expect(res.json.preview.find((p: { row: number }) => p.row === 5).action).toBe('error');
    });

    it('writes nothing at all when any row has an error', async () => {
      const before = await countAll(t.database);
      const res = await upload(b, await bad());
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('import_invalid');
      expect(res.json.error.message).toContain('2 处错误');
      expect(await countAll(t.database)).toEqual(before);
    });

    it('with ?skipInvalid=1 writes the valid rows only', async () => {
      const res = await upload(b, await bad(), '?skipInvalid=1');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ created: 5, skipped: 2, groupsCreated: 1 }); // 数学组 only had the two bad rows
      expect(res.json.errors).toHaveLength(2);
      const nos = (await b.get('/api/members?q=T00')).json.items.map((m: { employeeNo: string }) => m.employeeNo);
      expect(nos).toEqual(['T001', 'T004', 'T005', 'T006', 'T007']);
      expect((await b.get('/api/groups')).json.items.map((g: { name: string }) => g.name)).toEqual(['语文组']);
    });

    it('refuses a 工号 that appears twice in one file, and a wrong ID check digit without echoing it', async () => {
      const rows = messyRows();
      rows[2]![1] = 'T001'; // row 6 repeats row 4
      const wrongId = ID17 + (ID.endsWith('9') ? '8' : '9');
      rows[6]![10] = wrongId; // row 10: 孙八 has no 性别/出生年月, so the ID is read
      const file = await messy(rows);
      const res = await upload(b, file, '?dryRun=1');
      expect(res.json.errors).toEqual([
        { row: 6, column: '工号', message: expect.stringContaining('第 4 行') },
        { row: 10, column: '身份证号', message: expect.stringContaining('校验位') },
      ]);
      expect(res.raw.toString()).not.toContain(ID17);
      expect((await upload(b, file)).status).toBe(422);
    });
  });

  it('exports an .xlsx with the roster header that imports back with every row unchanged', async () => {
    const res = await admin.get('/api/members/export');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment;.*\.xlsx/);
    const sheet = await readSheet(res.raw);
    expect(sheet[0]).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    const t001 = sheet.find((r) => r[0] === 'T001');
    expect(t001).toEqual(['T001', '张三', '男', '1985-03-12', '13800001111', '语文组', '教师', '中级', '中共党员', null, null, '在职', '语文组', '无']);
    expect(sheet.find((r) => r[0] === 'T006')?.slice(0, 4)).toEqual(['T006', '孙八', '女', '1990-07-08']);
    const total = (await admin.get('/api/members')).json.total;
    expect(sheet.length - 1).toBe(total);

    const filtered = await readSheet((await admin.get(`/api/members/export?q=${encodeURIComponent('张三')}`)).raw);
    expect(filtered.map((r) => r[0])).toEqual(['工号', 'T001']);

    const again = await upload(admin, res.raw);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: total, groupsCreated: 0, errors: [] });
  });

  it('offers a template: a valid .xlsx whose first row is the roster header', async () => {
    const res = await admin.get('/api/members/template');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    expect((await readSheet(res.raw))[0]).toEqual(ROSTER_COLUMNS.map((c) => c.header));
    const empty = await upload(admin, res.raw, '?dryRun=1');
    expect(empty.json).toMatchObject({ created: 0, updated: 0, unchanged: 0, errors: [] });
  });

  it('refuses a file that is not an .xlsx, or has no 工号/姓名 header, with 422 invalid_file', async () => {
    const text = await upload(admin, Buffer.from('工号,姓名\nT1,张三\n'), '', { filename: 'roster.xlsx' });
    expect(text.status).toBe(422);
    expect(text.json.error).toEqual({ code: 'invalid_file', message: '文件不是有效的 Excel（.xlsx）文件' });
    const noHeader = await upload(admin, await rosterXlsx({ headers: ['编码', '名称'], rows: [['1', '甲']] }));
    expect(noHeader.status).toBe(422);
    expect(noHeader.json.error.code).toBe('invalid_file');
    expect(noHeader.json.error.message).toContain('工号');
  });

  it('answers 400 to a request without a file or that is not multipart', async () => {
    const noFile = await admin.request('POST', '/api/members/import', await multipart(null, { fields: { note: 'x' } }));
    expect(noFile.status).toBe(400);
    expect(noFile.json.error).toEqual({ code: 'file_required', message: '请上传 Excel 文件（.xlsx）' });
    const wrongField = await admin.request('POST', '/api/members/import', await multipart(await messy(), { field: 'upload' }));
    expect(wrongField.status).toBe(400);
    const json = await admin.post('/api/members/import', { file: 'roster.xlsx' });
    expect(json.status).toBe(400);
    expect(json.json.error.code).toBe('file_required');
  });

  it('refuses a file over the upload limit with 413 and a JSON error, never 500, and writes nothing', async () => {
    const before = await countAll(t.database);
    const res = await upload(admin, randomBytes(3 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    expect(res.json.error.message).toContain('2 MB');
    expect(await countAll(t.database)).toEqual(before);
  });

  it('accepts a valid workbook larger than the 1 MB JSON limit but under the upload limit', async () => {
    const file = await rosterXlsx({ headers: ['工号', '姓名'], rows: [['BIG1', '大文件']], padding: randomBytes(1536 * 1024) });
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const res = await upload(admin, file, '?dryRun=1');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 1, errors: [] });
  });

  it('never stores the ID number anywhere in the database, after every import above', async () => {
    const dump = await dumpDatabase(t.database);
    expect(dump).toContain('孙八'); // the scan does see imported data
    expect(dump).not.toContain(ID);
    expect(dump).not.toContain(ID17);
  });
});
