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
  // congress
  'err.congress_term_dates': { zh: '届期结束日期应晚于开始日期', en: 'The term must end after it starts' },
  'err.congress_duplicate_candidate': { zh: '候选人不能重复', en: 'Candidates must not repeat' },
  'err.congress_not_member': { zh: '该会员不存在或已不在本校', en: 'No such member in this school' },
  'err.congress_already_delegate': { zh: '该会员已是本届代表', en: 'Already a delegate of this term' },
  'err.congress_not_delegate': { zh: '只有本届正式代表才能签到或投票；列席人员不计入人数，也不能投票', en: 'Only delegates of this term may check in or vote; guests never count or vote' },
  'err.congress_no_quorum': { zh: '未达到法定人数：代表 {delegates} 人，实到 {present} 人，至少需 {required} 人，不能开始表决', en: 'No quorum: {present} of {delegates} delegates present, {required} needed; the vote cannot open' },
  'err.congress_vote_state': { zh: '该表决当前状态为“{status}”，不能执行此操作', en: 'The vote is "{status}"; this is not possible now' },
  'err.congress_not_eligible': { zh: '您不在本次表决的投票名单中（须为开始表决时已签到的代表）', en: 'You are not on this vote’s roll (delegates present when it opened)' },
  'err.congress_already_voted': { zh: '您已投过票，每位代表只能投一次', en: 'You have already voted; one ballot per delegate' },
  'err.congress_ballot_kind': { zh: '选票格式与表决类型不符', en: 'This ballot does not fit the kind of vote' },
  'err.congress_too_many_candidates': { zh: '最多只能选 {seats} 人', en: 'Choose at most {seats}' },
  'err.congress_not_candidate': { zh: '所选的人不是本次选举的候选人', en: 'Not a candidate in this election' },
  'err.congress_already_signed': { zh: '您已在该提议上签名', en: 'You have already signed this request' },
  'err.congress_checkin_code': { zh: '签到码无效，请重新扫描大屏上的二维码', en: 'Invalid check-in code; scan the QR code on the screen again' },
  // proposals
  'err.proposal_not_found': { zh: '提案不存在', en: 'Proposal not found' },
  'err.proposal_state': { zh: '提案当前状态为“{state}”，不能执行此操作', en: 'Not possible while the proposal is "{state}"' },
  'err.proposal_state_of': { zh: '提案《{title}》当前状态为“{state}”，不能执行此操作', en: 'Proposal "{title}" is "{state}"; this is not possible now' },
  'err.proposal_window_closed': { zh: '不在提案征集时间内（{from} 至 {to}）', en: 'Outside the collection window ({from} to {to})' },
  'err.proposal_window_dates': { zh: '截止日期不能早于开始日期', en: 'The closing date cannot be before the opening date' },
  'err.proposal_no_member': { zh: '您的账号未关联会员，不能提出提案', en: 'Your account is not linked to a member; you cannot make proposals' },
  'err.proposal_not_delegate': { zh: '只有本届教代会代表才能提出提案', en: 'Only delegates of this term may make proposals' },
  'err.proposal_not_delegation_head': { zh: '只有该代表团团长才能以代表团名义提出提案', en: 'Only the head of this delegation may make a collective proposal' },
  'err.proposal_session_not_found': { zh: '会议不存在', en: 'Session not found' },
  'err.proposal_not_proposer': { zh: '只有提案人才能执行此操作', en: 'Only the proposer may do this' },
  'err.proposal_cosigner_self': { zh: '提案人不能附议自己的提案', en: 'The proposer cannot co-sign their own proposal' },
  'err.proposal_cosigner_not_delegate': { zh: '附议人须为本届教代会代表', en: 'Co-signers must be delegates of this term' },
  'err.proposal_not_invited': { zh: '您未被邀请附议此提案', en: 'You were not invited to co-sign this proposal' },
  'err.proposal_cosigners_needed': { zh: '至少需要 {needed} 名代表附议，目前已附议 {accepted} 名', en: 'At least {needed} co-signers are needed; {accepted} have accepted' },
  'err.proposal_single_subject': { zh: '请确认本提案为一事一案', en: 'Please confirm the proposal keeps to one subject' },
  'err.proposal_reason_required': { zh: '不予立案须说明理由', en: 'A reason is required when a proposal is not accepted' },
  'err.proposal_merge_target': { zh: '并入的提案须为本校另一件已提交或已立案的提案', en: 'Merge into another submitted or accepted proposal of this school' },
  'err.proposal_no_draft': { zh: '所选提案中有尚未草拟决定的', en: 'Some of the chosen proposals have no drafted decision' },
  'err.proposal_handler_invalid': { zh: '承办人须为本校有承办权限的有效账号', en: 'The handler must be an active account of this school allowed to handle proposals' },
  'err.proposal_deadline_past': { zh: '办理期限不能早于今天', en: 'The deadline cannot be in the past' },
  'err.proposal_not_handler': { zh: '只有主办部门的承办人才能答复', en: 'Only the lead department’s handler may reply' },
  'err.proposal_not_participant': { zh: '只有提案人、承办人和提案工作委员会可以留言', en: 'Only the proposer, the handlers and the committee may post messages' },
  'err.proposal_planned_date': { zh: 'B 类答复须填写计划解决日期', en: 'A class B reply needs a planned date' },
  'err.proposal_explanation': { zh: 'C 类答复须说明暂不能解决的原因', en: 'A class C reply needs an explanation' },
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
