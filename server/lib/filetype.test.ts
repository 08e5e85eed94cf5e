import { describe, expect, it } from 'vitest';
import { EXE, oleFile, PDF, PNG, realDocx, realXlsx } from '../modules/files/files.fixture';
import { checkFile, cleanFileName, detectKind } from './filetype';

describe('file type from the bytes', () => {
  it('recognises a real .docx and .xlsx by the names inside the ZIP', async () => {
    expect(await detectKind(await realDocx())).toBe('docx');
    expect(await detectKind(await realXlsx())).toBe('xlsx');
    expect(await checkFile('2025年工作报告.docx', await realDocx())).toEqual({ ok: true, kind: 'docx' });
    expect(await checkFile('财务报告.XLSX', await realXlsx())).toEqual({ ok: true, kind: 'xlsx' });
  });

  it('recognises PNG, PDF, JPEG, GIF and WebP signatures', async () => {
    expect(await checkFile('合影.png', PNG)).toEqual({ ok: true, kind: 'png' });
    expect(await checkFile('通知.pdf', PDF)).toEqual({ ok: true, kind: 'pdf' });
    expect(await detectKind(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('jpeg');
    expect(await detectKind(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('gif');
    expect(await detectKind(Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(await checkFile('photo.JPEG', Buffer.from('ffd8ffe000104a464946', 'hex'))).toEqual({ ok: true, kind: 'jpeg' });
  });

  it('tells legacy .doc/.xls/.ppt apart by their main stream, and refuses other compound files', async () => {
    expect(await checkFile('旧报告.doc', oleFile('WordDocument'))).toEqual({ ok: true, kind: 'doc' });
    expect(await checkFile('旧表.xls', oleFile('Workbook'))).toEqual({ ok: true, kind: 'xls' });
    // WPS Office's formats: the same compound files under their own names.
    expect(await checkFile('工作计划.wps', oleFile('WordDocument'))).toEqual({ ok: true, kind: 'doc' });
    expect(await checkFile('经费表.ET', oleFile('Workbook'))).toEqual({ ok: true, kind: 'xls' });
    expect(await checkFile('汇报.dps', oleFile('PowerPoint Document'))).toEqual({ ok: true, kind: 'ppt' });
    expect(await checkFile('经费表.et', oleFile('WordDocument'))).toEqual({ ok: false, reason: 'mismatch' });
    expect(await checkFile('旧幻灯片.ppt', oleFile('PowerPoint Document'))).toEqual({ ok: true, kind: 'ppt' });
    expect(await checkFile('旧表.doc', oleFile('Workbook'))).toEqual({ ok: false, reason: 'mismatch' });
    // An installer package is a compound file too.
    expect(await checkFile('setup.doc', oleFile('\u0005SummaryInformation'))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts UTF-8 text, and explains a .txt in another encoding', async () => {
    expect(await checkFile('说明.txt', Buffer.from('\ufeff会议须知：请提前 10 分钟入场。\n', 'utf8'))).toEqual({ ok: true, kind: 'txt' });
    const gbk = Buffer.from([0xbb, 0xe1, 0xd2, 0xe9]); // 会议 in GBK
    expect(await checkFile('说明.txt', gbk)).toEqual({ ok: false, reason: 'txt_encoding' });
    expect(await checkFile('说明.txt', Buffer.from('a\u0000b'))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a program renamed .pdf, and a PNG renamed .docx', async () => {
    expect(await detectKind(EXE)).toBeNull();
    expect(await checkFile('会议通知.pdf', EXE)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await checkFile('工作报告.docx', PNG)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await checkFile('报告.pdf', await realDocx())).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses types that are not allowed, files without an extension, and empty files', async () => {
    for (const name of ['setup.exe', 'page.html', 'logo.svg', 'script.js', 'README']) {
      expect(await checkFile(name, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), name).toEqual({ ok: false, reason: 'not_allowed' });
    }
    expect(await checkFile('空.pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses a ZIP that is not an Office document, and a broken one', async () => {
    const docx = await realDocx();
    expect(await checkFile('x.docx', docx.subarray(0, 200))).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('cleanFileName', () => {
  it('drops folders, control and direction-override characters', () => {
    expect(cleanFileName('C:\\Users\\王老师\\Desktop\\工作报告.docx')).toBe('工作报告.docx');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('报告\u202efdp.exe')).toBe('报告fdp.exe');
    expect(cleanFileName(' 财务\t报告\u0000.xlsx ')).toBe('财务 报告.xlsx');
  });

  it('shortens a long name to 200 characters, keeping the extension and whole characters', () => {
    const long = cleanFileName(`${'很长的文件名'.repeat(50)}😀.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
