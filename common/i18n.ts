// Message catalogue shared by the server (error messages) and the web (form validation).
// Zod schemas in common/ carry a key from here as their message; whoever shows it translates it.

export type Lang = 'zh' | 'en';

export const MESSAGES = {
  'err.required': { zh: '此项必填', en: 'This field is required' },
  'err.invalid': { zh: '格式不正确', en: 'Invalid value' },
  'err.too_long': { zh: '内容过长', en: 'Too long' },
  'err.date': { zh: '日期格式应为 YYYY-MM-DD，且是真实存在的日期', en: 'Date must be YYYY-MM-DD and a real date' },
  'err.date_future': { zh: '日期不能晚于今天', en: 'Date cannot be in the future' },
  'err.phone': { zh: '手机号格式不正确（应为 11 位手机号，或带区号的固定电话）', en: 'Phone must be an 11-digit mobile number or a landline with area code' },
  'err.employee_no': { zh: '工号只能包含字母、数字和 -，最长 32 位', en: 'Staff number: letters, digits and -, at most 32 characters' },
  'err.name': { zh: '姓名应为 1–40 个字符', en: 'Name must be 1–40 characters' },
  'err.username': { zh: '用户名为 3–40 位字母、数字、点、下划线或 -', en: 'Username: 3–40 letters, digits, dot, underscore or -' },
  'err.password': { zh: '密码至少 8 位，且须同时包含字母和数字', en: 'Password needs at least 8 characters with letters and digits' },
  'err.roles': { zh: '请至少选择一个角色', en: 'Choose at least one role' },
  'err.enum': { zh: '不是允许的选项', en: 'Not an allowed option' },
  'err.validation': { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; please check them' },
  'err.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'err.forbidden': { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'err.csrf': { zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  'err.not_found': { zh: '找不到该记录，可能已被删除', en: 'Not found; it may have been deleted' },
  'err.route_not_found': { zh: '接口不存在', en: 'No such API endpoint' },
  'err.login_failed': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'err.login_locked': { zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; try again in {minutes} minutes' },
  'err.account_disabled': { zh: '该账号已停用，请联系管理员', en: 'This account is disabled; contact the administrator' },
  'err.must_change_password': { zh: '请先修改初始密码', en: 'Please change your initial password first' },
  'err.wrong_password': { zh: '当前密码不正确', en: 'Current password is wrong' },
  'err.same_password': { zh: '新密码不能与当前密码相同', en: 'New password must differ from the current one' },
  'err.username_taken': { zh: '用户名已被占用', en: 'Username already taken' },
  'err.employee_no_taken': { zh: '工号已存在', en: 'Staff number already exists' },
  'err.member_has_account': { zh: '该会员已有账号', en: 'This member already has an account' },
  'err.group_not_found': { zh: '工会小组不存在', en: 'Union group not found' },
  'err.group_name_taken': { zh: '同名的工会小组已存在', en: 'A group with this name already exists' },
  'err.group_not_empty': { zh: '小组内还有会员，请先调整他们的小组', en: 'The group still has members; move them first' },
  'err.member_not_found': { zh: '会员不存在', en: 'Member not found' },
  'err.file_required': { zh: '请上传 Excel 文件（.xlsx）', en: 'Please upload an Excel file (.xlsx)' },
  'err.file_not_xlsx': { zh: '文件不是有效的 Excel（.xlsx）文件', en: 'The file is not a valid Excel (.xlsx) file' },
  'err.file_too_large': { zh: '文件过大（上限 {mb} MB）', en: 'File too large (limit {mb} MB)' },
  'err.import_no_header': { zh: '没有找到表头行：至少需要“工号”和“姓名”两列', en: 'No header row found: at least 工号 and 姓名 columns are needed' },
  'err.import_has_errors': { zh: '有 {count} 处错误，未导入任何数据；请修正后重试，或选择跳过错误行', en: '{count} errors; nothing was imported. Fix them, or choose to skip invalid rows' },
  'err.setup_done': { zh: '系统已完成初始化', en: 'Setup has already been completed' },
  'err.setup_token': { zh: '初始化链接无效或已过期', en: 'The setup link is invalid or has expired' },
  'err.cannot_remove_own_admin': { zh: '不能移除自己的管理员角色或停用自己的账号', en: 'You cannot remove your own admin role or disable yourself' },
  'err.payload_too_large': { zh: '提交的内容过大', en: 'Request too large' },
  'err.bad_request': { zh: '请求格式不正确', en: 'Malformed request' },
  'err.internal': { zh: '服务器出错了，请稍后再试；如果反复出现，请联系管理员', en: 'Server error; try again later or contact the administrator' },
  'err.rate_limited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  'err.org_code_taken': { zh: '单位代码已被占用', en: 'Organisation code already taken' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, s);
}

/** Translates a key (or passes through plain text) and fills {placeholders}. */
export function msg(keyOrText: string, lang: Lang = 'zh', params: Record<string, string | number> = {}): string {
  const base = isMessageKey(keyOrText) ? MESSAGES[keyOrText][lang] : keyOrText;
  return base.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
