// Times a 10,000-row roster import through the real HTTP route (app.inject on the test harness's app),
// twice: a first import, then the same file again (all unchanged). Part of `npm run bench`; alone:
// npx tsx bench/import-10k.ts (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Dialect } from '../server/db/database';
import { DIALECTS, makeApp } from '../server/test/harness';

export interface ImportTiming {
  dialect: Dialect;
  round: string;
  seconds: number;
  created: number;
  unchanged: number;
  errors: number;
}

async function roster(rows: number): Promise<Buffer<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['工号', '姓名', '性别', '出生日期', '手机号', '部门', '岗位类别', '职称', '工会小组']);
  const S = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const G = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫宇浩婷静丽敏燕芳娟霞';
  for (let i = 0; i < rows; i++) {
    ws.addRow([`B${String(i).padStart(6, '0')}`, S[i % 20] + G[(i * 7) % 28] + G[(i * 11) % 28], i % 2 ? '男' : '女', `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, `139${String(i).padStart(8, '0')}`, `部门${i % 40}`, '教师', '中级', `第${i % 50}组`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** PostgreSQL runs in a schema of TEST_DATABASE_URL's database, as the integration tests do. */
export async function timeImport(dialects: Dialect[], rows = 10_000): Promise<ImportTiming[]> {
  const fd = new FormData();
  fd.append('file', new Blob([await roster(rows)]), 'roster.xlsx');
  const r = new Response(fd);
  const payload = Buffer.from(await r.arrayBuffer());
  const headers = { 'content-type': r.headers.get('content-type')! };
  const out: ImportTiming[] = [];
  for (const dialect of dialects) {
    const t = await makeApp(dialect);
    try {
      const c = await t.as('admin');
      for (const round of ['first import', 'same file again']) {
        const start = performance.now();
        const res = await c.request('POST', '/api/members/import', { payload, headers });
        if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.json)}`);
        out.push({ dialect, round, seconds: (performance.now() - start) / 1000, created: res.json.created, unchanged: res.json.unchanged, errors: res.json.errors?.length ?? 0 });
      }
    } finally {
      await t.close();
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const x of await timeImport(DIALECTS, Number(process.env.ROWS ?? 10_000))) {
    console.log(`${x.dialect} ${x.round}: ${x.seconds.toFixed(2)} s →`, JSON.stringify({ created: x.created, unchanged: x.unchanged, errors: x.errors }));
  }
}
