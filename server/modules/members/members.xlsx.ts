import {
  GENDER_LABELS,
  HARDSHIP_LABELS,
  MEMBER_STATUS_LABELS,
  ROSTER_COLUMNS,
  STAFF_CATEGORY_LABELS,
  TITLE_LABELS,
  type Member,
} from '../../../common/members';
import { workbookBuffer } from '../../lib/xlsx';

const HEADERS = ROSTER_COLUMNS.map((c) => c.header);
const TEXT_COLUMNS = ['employeeNo', 'phone'].map((f) => ROSTER_COLUMNS.findIndex((c) => c.field === f));

/** One member as a roster row, in ROSTER_COLUMNS order, with the Chinese labels the import reads back. */
function rosterRow(m: Member): (string | null)[] {
  const values: Record<string, string | null> = {
    employeeNo: m.employeeNo,
    name: m.name,
    gender: m.gender ? GENDER_LABELS[m.gender].zh : null,
    birthDate: m.birthDate,
    phone: m.phone,
    department: m.department,
    staffCategory: STAFF_CATEGORY_LABELS[m.staffCategory].zh,
    title: TITLE_LABELS[m.title].zh,
    politicalStatus: m.politicalStatus,
    hireDate: m.hireDate,
    joinDate: m.joinDate,
    status: MEMBER_STATUS_LABELS[m.status].zh,
    group: m.groupName,
    hardshipLevel: HARDSHIP_LABELS[m.hardshipLevel].zh,
  };
  return ROSTER_COLUMNS.map((c) => values[c.field]);
}

export const rosterWorkbook = (members: Member[]) =>
  workbookBuffer([{ name: '会员名册', headers: HEADERS, rows: members.map(rosterRow), textColumns: TEXT_COLUMNS }]);

const NOTES = [
  ['工号、姓名', '必填；工号在本校唯一，重复导入同一工号会更新该会员'],
  ['日期', '可写 1985-03-12、1985/3/12、1985.03.12、1985年3月12日、1985年3月，或 Excel 日期'],
  ['手机号', '11 位手机号，或带区号的固定电话（如 0551-12345678）'],
  ['性别', '男 / 女；为空且有“身份证号”列时，由身份证号推算（身份证号不会被保存）'],
  ['岗位类别', Object.values(STAFF_CATEGORY_LABELS).map((l) => l.zh).join(' / ')],
  ['职称', `${Object.values(TITLE_LABELS).map((l) => l.zh).join(' / ')}（也可写 一级教师、高级教师 等）`],
  ['状态', Object.values(MEMBER_STATUS_LABELS).map((l) => l.zh).join(' / ')],
  ['困难职工', Object.values(HARDSHIP_LABELS).map((l) => l.zh).join(' / ')],
  ['工会小组', '填写小组名称；不存在的小组会自动创建'],
];

export const rosterTemplate = () =>
  workbookBuffer([
    { name: '会员名册', headers: HEADERS, rows: [], textColumns: TEXT_COLUMNS },
    { name: '填写说明', headers: ['列', '说明'], rows: NOTES },
  ]);
