import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../../common/members';
import { parseRoster, RosterFormatError, type ParsedRoster } from './roster-parse';

type Cell = ExcelJS.CellValue | undefined;

/** Writes rows starting at row 1 (undefined/null cells stay empty) and returns the xlsx bytes. */
async function xlsx(rows: Cell[][], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== undefined && v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  setup?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const parse = async (rows: Cell[][], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) =>
  parseRoster(await xlsx(rows, setup));

/** One column of values under 工号/姓名 — for exercising a single field. */
async function column(header: string, values: Cell[]): Promise<ParsedRoster> {
  return parse([['工号', '姓名', header], ...values.map((v, i) => [`T${i + 1}`, `人${i + 1}`, v])]);
}

const HEADERS = ROSTER_COLUMNS.map((c) => c.header);

describe('parseRoster: layout', () => {
  it('finds the header below a merged title row and a blank row', async () => {
    const res = await parse(
      [
        ['XX中学2025年教职工名册'],
        [],
        HEADERS,
        ['T001', '张三', '男', '1985-03-12', '13812345678', '语文组', '教师', '一级教师', '中共党员', '2008-09-01', '2008-10-01', '在职', '第一小组', '无'],
      ],
      (ws) => ws.mergeCells('A1:N1'),
    );
    expect(res.headerRow).toBe(3);
    expect(res.fields).toEqual(ROSTER_COLUMNS.map((c) => c.field));
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toEqual({
      row: 4,
      errors: [],
      member: {
        employeeNo: 'T001', name: '张三', gender: 'male', birthDate: '1985-03-12', phone: '13812345678', department: '语文组',
        staffCategory: 'teacher', title: 'intermediate', politicalStatus: '中共党员', hireDate: '2008-09-01', joinDate: '2008-10-01',
        status: 'active', group: '第一小组', hardshipLevel: 'none',
      },
      raw: {
        工号: 'T001', 姓名: '张三', 性别: '男', 出生日期: '1985-03-12', 手机号: '13812345678', 部门: '语文组', 岗位类别: '教师', 职称: '一级教师',
        政治面貌: '中共党员', 入职日期: '2008-09-01', 入会日期: '2008-10-01', 状态: '在职', 工会小组: '第一小组', 困难职工: '无',
      },
    });
  });

  it('maps odd header spellings and reports errors under the header as written', async () => {
    const headers = ['序号', ' 教工号 ', '教职工\n姓名：', '性　别', '出生年月（例：1985.03）', '手机号码*', '所在处室', '人员类别',
      '专业技术职务', '参加工作时间', '入会时间', '人员状态', '所在小组', '困难类别', '备注'];
    const res = await parse([headers, [1, 'T001', '李四', '女', '1985.03', '１３８１２３４５６７８', '教务处', '管理', '高级教师', '2001/9/1', '2001年10月', '退休', '二组', '特困', 'x'],
      [2, 'T002', '王五', '女', 'bad', '', '', '', '', '', '', '', '', '', '']]);
    expect(res.headerRow).toBe(1);
    expect(res.rows[0].member).toEqual({
      employeeNo: 'T001', name: '李四', gender: 'female', birthDate: '1985-03-01', phone: '13812345678', department: '教务处', staffCategory: 'staff',
      title: 'associate_senior', hireDate: '2001-09-01', joinDate: '2001-10-01', status: 'retired', group: '二组', hardshipLevel: 'severe',
    });
    expect(res.rows[1].errors).toEqual([{ row: 3, column: '出生年月（例：1985.03）', message: '出生日期“bad”不是有效日期' }]);
  });

  it('prefers 部门 over 年级组/教研组, and uses 年级组 when it is the only one', async () => {
    const both = await parse([['工号', '姓名', '年级组', '部门'], ['T1', '甲', '高一', '教务处']]);
    expect(both.rows[0].member.department).toBe('教务处');
    const only = await parse([['工号', '姓名', '教研组'], ['T1', '甲', '数学组']]);
    expect(only.rows[0].member.department).toBe('数学组');
  });

  it('picks the 1-based row numbers Excel shows (header on row 3, bad 2nd data row = row 5)', async () => {
    const res = await parse([['名册'], [], ['工号', '姓名', '联系电话'], ['T1', '甲', '13812345678'], ['T2', '乙', '1381234567']]);
    expect(res.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(res.rows[1].errors).toEqual([{ row: 5, column: '联系电话', message: '手机号“1381234567”不是有效的 11 位手机号' }]);
  });

  it('skips blank rows and rows with only a 序号, without errors', async () => {
    const res = await parse([['序号', '工号', '姓名'], [1, 'T1', '甲'], [], [2, ' ', '\u3000'], [3, 'T3', '丙'], [4]]);
    expect(res.rows.map((r) => [r.row, r.member.employeeNo, r.errors.length])).toEqual([[2, 'T1', 0], [5, 'T3', 0]]);
  });

  it('reads only the first sheet that has a header row', async () => {
    const buf = await xlsx([['说明：请按模板填写']], (_ws, wb) => {
      const ws2 = wb.addWorksheet('数据');
      ws2.addRow(['工号', '姓名']);
      ws2.addRow(['T9', '玖']);
      wb.addWorksheet('另一个').addRow(['工号', '姓名']);
    });
    const res = await parseRoster(buf);
    expect(res.rows.map((r) => r.member.employeeNo)).toEqual(['T9']);
  });

  it('accepts an ArrayBuffer', async () => {
    const buf = await xlsx([['工号', '姓名'], ['T1', '甲']]);
    const ab = new Uint8Array(buf).buffer;
    expect((await parseRoster(ab)).rows).toHaveLength(1);
  });
});

describe('parseRoster: format errors', () => {
  it('throws err.import_no_header when no row has both 工号 and 姓名', async () => {
    await expect(parse([['姓名', '性别'], ['甲', '男']])).rejects.toMatchObject({ key: 'err.import_no_header' });
    const late: Cell[][] = Array.from({ length: 20 }, () => []);
    await expect(parse([...late, ['工号', '姓名'], ['T1', '甲']])).rejects.toBeInstanceOf(RosterFormatError);
  });

  it('throws err.file_not_xlsx for bytes that are not a workbook', async () => {
    await expect(parseRoster(Buffer.from('工号,姓名\nT1,甲\n'))).rejects.toMatchObject({ key: 'err.file_not_xlsx' });
    await expect(parseRoster(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).buffer)).rejects.toMatchObject({ key: 'err.file_not_xlsx' });
  });
});

describe('parseRoster: dates', () => {
  it('accepts every common way of writing a date', async () => {
    const inputs: [Cell, string][] = [
      [new Date(Date.UTC(1985, 2, 12)), '1985-03-12'],
      [31118, '1985-03-12'],
      ['1985-03-12', '1985-03-12'],
      ['1985/3/12', '1985-03-12'],
      ['1985.03.12', '1985-03-12'],
      ['1985.3.12', '1985-03-12'],
      ['1985年3月12日', '1985-03-12'],
      ['1985年3月', '1985-03-01'],
      ['198503', '1985-03-01'],
      ['19850312', '1985-03-12'],
      [19850312, '1985-03-12'],
      [198503, '1985-03-01'],
      ['1985-3', '1985-03-01'],
      ['１９８５年３月１２日', '1985-03-12'],
      ['  1985-03-12\u3000', '1985-03-12'],
      ['1985-03-12 00:00:00', '1985-03-12'],
      [1985.03, '1985-03-01'],
      [1985.12, '1985-12-01'],
      [{ formula: 'DATE(1985,3,12)', result: new Date(Date.UTC(1985, 2, 12)) }, '1985-03-12'],
    ];
    const res = await column('出生日期', inputs.map(([v]) => v));
    expect(res.rows.map((r) => r.errors)).toEqual(inputs.map(() => []));
    expect(res.rows.map((r) => r.member.birthDate)).toEqual(inputs.map(([, iso]) => iso));
    expect(res.rows.map((r) => r.raw['出生日期'])).toEqual(inputs.map(([, iso]) => iso));
  });

  it('handles the 1900 epoch: serial 1 is 1900-01-01 and serial 61 is 1900-03-01', async () => {
    const res = await column('入职日期', [1, 59, 61, 60]);
    expect(res.rows.map((r) => r.member.hireDate)).toEqual(['1900-01-01', '1900-02-28', '1900-03-01', undefined]);
  });

  it('rejects impossible dates and years outside 1900..2100, naming the value', async () => {
    const bad = ['1985-02-30', '1985-13-40', '1899-12-31', '2101-01-01', '12/03/1985', '1985', 1985];
    const res = await column('入会日期', bad);
    expect(res.rows.map((r) => r.errors[0]?.message)).toEqual(bad.map((v) => `入会日期“${v}”不是有效日期`));
    expect(res.rows.every((r) => !('joinDate' in r.member))).toBe(true);
    expect(res.rows[0].raw['入会日期']).toBe('1985-02-30');
  });

  it('asks which month a number like 1985.1 means', async () => {
    const res = await column('出生年月', [1985.1]);
    expect(res.rows[0].errors[0].message).toContain('1985-01 或 1985-10');
  });
});

describe('parseRoster: text cells', () => {
  it('normalises 工号 and phone numbers from number cells, full-width text and separators', async () => {
    const res = await parse([
      ['工号', '姓名', '手机'],
      [1001, ' 张  三 ', 13812345678],
      ['Ｔ００２', 'Mary   Smith', '138 1234 5678'],
      ['T003', '李四', '138-1234-5678'],
      ['T004', '王五', '0551-12345678'],
      ['T005', '赵六', '+86 138 1234 5678'],
      ['T006', '钱七', '０５５１１２３４５６７８'],
    ]);
    expect(res.rows.map((r) => r.errors)).toEqual(res.rows.map(() => []));
    expect(res.rows.map((r) => [r.member.employeeNo, r.member.name, r.member.phone])).toEqual([
      ['1001', '张三', '13812345678'],
      ['T002', 'Mary Smith', '13812345678'],
      ['T003', '李四', '13812345678'],
      ['T004', '王五', '0551-12345678'],
      ['T005', '赵六', '13812345678'],
      ['T006', '钱七', '055112345678'],
    ]);
    expect(res.rows[0].raw).toEqual({ 工号: '1001', 姓名: '张  三', 手机号: '13812345678' });
  });

  it('keeps leading zeros of a 工号 number cell formatted 0000', async () => {
    const res = await parse([['工号', '姓名'], [12, '甲']], (ws) => (ws.getCell('A2').numFmt = '0000'));
    expect(res.rows[0].member.employeeNo).toBe('0012');
  });

  it('reads rich text, formula results and hyperlink text', async () => {
    const res = await parse([
      [{ richText: [{ text: '工', font: { bold: true } }, { text: '号' }] }, '姓名', '部门', '工会小组'],
      [{ formula: '"T"&"1"', result: 'T1' }, { richText: [{ text: '张' }, { text: '三' }] }, { text: '教务处', hyperlink: 'https://example.com' }, { formula: 'X1', result: undefined } as ExcelJS.CellValue],
    ]);
    expect(res.rows[0].member).toEqual({ employeeNo: 'T1', name: '张三', department: '教务处', group: null });
  });

  it('turns blank nullable cells into null and leaves blank enum cells out', async () => {
    const res = await parse([HEADERS, ['T1', '甲']]);
    expect(res.rows[0].member).toEqual({
      employeeNo: 'T1', name: '甲', gender: null, birthDate: null, phone: null, department: null, politicalStatus: null,
      hireDate: null, joinDate: null, group: null,
    });
    expect(res.rows[0].errors).toEqual([]);
  });

  it('folds common 政治面貌 short forms and rejects over-long text', async () => {
    const res = await column('政治面貌', ['党员', '团员', '民盟盟员', '群众'.repeat(11)]);
    expect(res.rows.map((r) => r.member.politicalStatus)).toEqual(['中共党员', '共青团员', '民盟盟员', undefined]);
    expect(res.rows[3].errors[0].message).toContain('最多 20 个字');
  });
});

describe('parseRoster: enums', () => {
  const cases: Record<string, Record<string, string[]>> = {
    性别: { male: ['男', '男性', 'M', 'm', 'male', 'Male'], female: ['女', '女性', 'F', 'female'] },
    岗位类别: {
      teacher: ['教师', '专任教师', '专技', '专业技术', 'teacher'], staff: ['职员', '管理', '行政', '管理人员', 'staff'],
      worker: ['工勤', '工勤技能', '后勤', 'worker'], other: ['其他', 'other'],
    },
    职称: {
      none: ['无', '未定级', '见习', 'none'], junior: ['初级', '员级', '助理级', '二级教师', '三级教师', '助理讲师', 'junior'],
      intermediate: ['中级', '一级教师', '讲师', 'intermediate'], associate_senior: ['副高级', '副高', '高级教师', '副教授', 'associate_senior'],
      senior: ['正高级', '正高', '正高级教师', '教授', 'senior'],
    },
    状态: { active: ['在职', '在岗', 'active'], retired: ['退休', '已退休', 'retired'], transferred: ['调离', '调出', '离职', 'transferred'] },
    困难职工: {
      none: ['无', '否', '不是', '非', 'none'], ordinary: ['一般', '一般困难', '困难', '是', 'ordinary'], severe: ['特困', '特别困难', 'severe'],
    },
  };
  const keyOf: Record<string, string> = { 性别: 'gender', 岗位类别: 'staffCategory', 职称: 'title', 状态: 'status', 困难职工: 'hardshipLevel' };

  for (const [header, byValue] of Object.entries(cases)) {
    it(`maps every synonym of ${header}`, async () => {
      const pairs = Object.entries(byValue).flatMap(([value, words]) => words.map((w) => [` ${w} `, value]));
      const res = await column(header, pairs.map(([w]) => w));
      expect(res.rows.map((r) => r.errors)).toEqual(pairs.map(() => []));
      expect(res.rows.map((r) => (r.member as unknown as Record<string, unknown>)[keyOf[header]])).toEqual(pairs.map(([, v]) => v));
    });
  }

  it('names the allowed values for unknown text', async () => {
    const res = await column('职称', ['特级']);
    expect(res.rows[0].errors).toEqual([{ row: 2, column: '职称', message: '职称“特级”无法识别，可填：无、初级、中级、副高级、正高级' }]);
    expect('title' in res.rows[0].member).toBe(false);
  });
});

describe('parseRoster: 身份证号', () => {
  const ID = '11010519491231002X';

  it('derives gender and birth date, and never echoes the number', async () => {
    const res = await parse([['工号', '姓名', '身份证号码'], ['T1', '甲', ID.toLowerCase()]]);
    expect(res.rows[0].member).toEqual({ employeeNo: 'T1', name: '甲', gender: 'female', birthDate: '1949-12-31' });
    expect(res.rows[0].raw).toEqual({ 工号: 'T1', 姓名: '甲' });
    expect(res.fields).toEqual(['employeeNo', 'name']);
    const json = JSON.stringify(res);
    expect(json).not.toContain(ID.slice(0, 17));
    expect(json).not.toContain('身份证号码');
  });

  it('fills only the blank one of 性别 / 出生日期 and ignores a bad ID when both are given', async () => {
    const res = await parse([
      ['工号', '姓名', '性别', '出生日期', '身份证'],
      ['T1', '甲', '男', '', ID],
      ['T2', '乙', '男', '1980-01-01', '110105194912310021'],
    ]);
    expect(res.rows[0].member).toMatchObject({ gender: 'male', birthDate: '1949-12-31' });
    expect(res.rows[1].member).toMatchObject({ gender: 'male', birthDate: '1980-01-01' });
    expect(res.rows[1].errors).toEqual([]);
  });

  it('reports a bad check digit on the ID column without quoting it', async () => {
    const res = await parse([['工号', '姓名', '公民身份号码'], ['T1', '甲', '110105194912310021'], ['T2', '乙', '1101051949']]);
    expect(res.rows[0].errors).toEqual([{ row: 2, column: '公民身份号码', message: '身份证号校验位不正确' }]);
    expect(res.rows[1].errors[0].message).toContain('位数不对');
    expect(JSON.stringify(res)).not.toContain('11010519491231');
  });
});

describe('parseRoster: row errors', () => {
  it('flags a duplicate 工号 on the later row under the header as written', async () => {
    const res = await parse([['职工号', '姓名'], ['T001', '甲'], ['T002', '乙'], ['T001', '丙']]);
    expect(res.rows[2].errors).toEqual([{ row: 4, column: '职工号', message: '工号“T001”在第 2 行已出现，同一文件中工号不能重复' }]);
    expect(res.rows[0].errors).toEqual([]);
  });

  it('reports missing and malformed 工号 / 姓名', async () => {
    const res = await parse([['工号', '姓名'], ['T1', ''], ['', '乙'], ['T 3#', '丙'], ['T4', '名'.repeat(41)]]);
    expect(res.rows.map((r) => r.errors.map((e) => e.message))).toEqual([
      ['缺少姓名'],
      ['缺少工号'],
      ['工号“T 3#”只能包含字母、数字和 -，最长 32 位'],
      [`姓名“${'名'.repeat(41)}”过长，最多 40 个字`],
    ]);
  });

  it('explains a bad landline differently from a bad mobile', async () => {
    const res = await column('电话', ['0551-123', '1381234567x']);
    expect(res.rows[0].errors[0].message).toContain('固定电话');
    expect(res.rows[1].errors[0].message).toBe('手机号“1381234567x”不是有效的 11 位手机号');
  });
});
