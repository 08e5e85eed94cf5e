import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../common/i18n';
import { pdfPageSize, pdfText } from '../modules/care/care.fixture';
import { AppError } from './errors';
import { findCjkFont, tablePdf } from './pdf';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const hasNoto = fs.existsSync(NOTO);
const spec = { title: '测试签收单', lines: ['第一中学工会'], columns: [{ header: '姓名', width: 0.5 }, { header: '签字', width: 0.5 }], rows: [['张三', '']], after: ['合计：1 人'] };

describe('the Chinese font for PDFs', () => {
  const saved = process.env.TONGXIN_PDF_FONT;
  afterEach(() => {
    if (saved === undefined) delete process.env.TONGXIN_PDF_FONT;
    else process.env.TONGXIN_PDF_FONT = saved;
  });

  it('uses only the configured font when TONGXIN_PDF_FONT is set, and none when it cannot be opened', () => {
    expect(findCjkFont({ TONGXIN_PDF_FONT: '/no/such/font.ttf' })).toBeNull();
    expect(findCjkFont({ TONGXIN_PDF_FONT: `${process.cwd()}/package.json` })).toBeNull();
  });

  it.skipIf(!hasNoto)('opens a face of a collection, named or found among the known ones', () => {
    expect(findCjkFont({ TONGXIN_PDF_FONT: `${NOTO}#NotoSansCJKsc-Regular` })).toEqual({ path: NOTO, face: 'NotoSansCJKsc-Regular' });
    expect(findCjkFont({ TONGXIN_PDF_FONT: NOTO })).toEqual({ path: NOTO, face: 'NotoSansCJKsc-Regular' });
    expect(findCjkFont({ TONGXIN_PDF_FONT: `${NOTO}#NoSuchFace` })).toBeNull();
    expect(findCjkFont({})).toEqual({ path: NOTO, face: 'NotoSansCJKsc-Regular' });
  });

  it('refuses with a clear 503 naming what to install when there is no font', async () => {
    process.env.TONGXIN_PDF_FONT = '/no/such/font.ttf';
    const err = await tablePdf(spec).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect([e.status, e.code]).toEqual([503, 'pdf_font_missing']);
    expect(msg(e.key, 'zh', e.params)).toBe('服务器上没有找到中文字体，无法生成 PDF：请安装 fonts-noto-cjk（或文泉驿微米黑），或用环境变量 TONGXIN_PDF_FONT 指定字体文件（TONGXIN_PDF_FONT=/no/such/font.ttf 无法打开）');
  });

  it.skipIf(!findCjkFont())('writes an A4 table whose Chinese text reads back, with page numbers', async () => {
    const pdf = await tablePdf({ ...spec, rows: Array.from({ length: 40 }, (_, i) => [`会员${i + 1}`, '']) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfPageSize(pdf)).toEqual([595, 842]);
    const pages = await pdfText(pdf);
    expect(pages.length).toBe(2);
    expect(pages[0]).toContain('测试签收单');
    expect(pages[0]).toContain('第一中学工会');
    expect(pages[0]).toContain('第 1 页 / 共 2 页');
    expect(pages[1]).toContain('会员40');
    expect(pages[1]).toContain('合计：1 人');
  });
});
