// Times a 10,000-row roster import through the real HTTP route on SQLite (and PostgreSQL when
// DATABASE_URL points at one). Usage: npx tsx bench/import-10k.ts
import ExcelJS from 'exceljs';
import { DIALECTS, makeApp } from '../server/test/harness';

const ROWS = Number(process.env.ROWS ?? 10_000);
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('名册');
ws.addRow(['工号', '姓名', '性别', '出生日期', '手机号', '部门', '岗位类别', '职称', '工会小组']);
const S = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const G = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫宇浩婷静丽敏燕芳娟霞';
for (let i = 0; i < ROWS; i++) {
  ws.addRow([`B${String(i).padStart(6, '0')}`, S[i % 20] + G[(i * 7) % 28] + G[(i * 11) % 28], i % 2 ? '男' : '女', `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`, `139${String(i).padStart(8, '0')}`, `部门${i % 40}`, '教师', '中级', `第${i % 50}组`]);
}
const file = Buffer.from(await wb.xlsx.writeBuffer());

for (const dialect of DIALECTS) {
  const t = await makeApp(dialect);
  const c = await t.as('admin');
  const fd = new FormData();
  fd.append('file', new Blob([file]), 'roster.xlsx');
  const r = new Response(fd);
  const payload = Buffer.from(await r.arrayBuffer());
  const headers = { 'content-type': r.headers.get('content-type')! };
  for (const round of ['first import', 'same file again']) {
    const start = performance.now();
    const res = await c.request('POST', '/api/members/import', { payload, headers });
    const ms = performance.now() - start;
    console.log(`${dialect} ${round}: ${ROWS} rows in ${(ms / 1000).toFixed(2)} s →`, JSON.stringify({ created: res.json.created, unchanged: res.json.unchanged, errors: res.json.errors?.length }));
  }
  await t.close();
}
