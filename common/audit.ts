import { z } from 'zod';
import { isoDate } from './members';

export const auditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The record's name when it was written (a member's 姓名, a username…), so history reads on its own. */
  label: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  create: { zh: '新增', en: 'Created' },
  update: { zh: '修改', en: 'Updated' },
  delete: { zh: '删除', en: 'Deleted' },
  restore: { zh: '恢复', en: 'Restored' },
  import: { zh: '导入名册', en: 'Imported roster' },
  import_create: { zh: '导入新增', en: 'Created by import' },
  import_update: { zh: '导入更新', en: 'Updated by import' },
  login: { zh: '登录', en: 'Signed in' },
  change_password: { zh: '修改密码', en: 'Changed password' },
  reset_password: { zh: '重置密码', en: 'Reset password' },
  create_child: { zh: '新建下级单位', en: 'Added an organisation' },
  create_defaults: { zh: '建立默认项', en: 'Created defaults' },
  upload: { zh: '上传', en: 'Uploaded' },
  submit: { zh: '提交', en: 'Submitted' },
  withdraw: { zh: '撤回', en: 'Withdrew' },
  return: { zh: '退回', en: 'Returned' },
  approve: { zh: '审核通过', en: 'Approved' },
  publish: { zh: '发布', en: 'Published' },
  archive: { zh: '归档', en: 'Archived' },
  open: { zh: '开启', en: 'Opened' },
  close: { zh: '关闭', en: 'Closed' },
  take_up: { zh: '受理', en: 'Taken up' },
  void: { zh: '作废', en: 'Voided' },
  reverse: { zh: '冲销', en: 'Reversed' },
  override: { zh: '超标准（说明理由）', en: 'Cap overridden' },
  remind: { zh: '提醒', en: 'Reminded' },
  // 教代会
  add_delegate: { zh: '增补代表', en: 'Added a delegate' },
  remove_delegate: { zh: '移出代表', en: 'Removed a delegate' },
  add_guest: { zh: '增加列席人员', en: 'Added a guest' },
  update_guest: { zh: '修改列席人员', en: 'Updated a guest' },
  remove_guest: { zh: '移除列席人员', en: 'Removed a guest' },
  update_agenda: { zh: '修改议程', en: 'Updated the agenda' },
  attendance: { zh: '登记出席', en: 'Recorded attendance' },
  create_request: { zh: '发起临时会议提议', en: 'Requested an extra session' },
  sign_request: { zh: '联署临时会议提议', en: 'Signed a session request' },
  // 提案
  invite_cosigners: { zh: '邀请附议', en: 'Invited co-signers' },
  cosign: { zh: '附议', en: 'Co-signed' },
  decline_cosign: { zh: '拒绝附议', en: 'Declined to co-sign' },
  decide: { zh: '审查决定', en: 'Decided' },
  draft_decision: { zh: '拟定审查意见', en: 'Drafted a decision' },
  assign: { zh: '交办', en: 'Assigned' },
  set_window: { zh: '设置征集时间', en: 'Set the collection window' },
  note: { zh: '内部备注', en: 'Added a note' },
  message: { zh: '留言', en: 'Message' },
  reply: { zh: '答复', en: 'Replied' },
  rate: { zh: '评价', en: 'Rated' },
  // 意见箱、校务公开
  link_proposal: { zh: '关联提案', en: 'Linked a proposal' },
  wall_consent: { zh: '同意上回音壁', en: 'Consented to the wall' },
  wall_publish: { zh: '上回音壁', en: 'Put on the wall' },
  wall_remove: { zh: '撤下回音壁', en: 'Taken off the wall' },
  writer_message: { zh: '来信人补充', en: 'Writer wrote back' },
  ask: { zh: '提问', en: 'Asked' },
  answer: { zh: '回答', en: 'Answered' },
  update_answer: { zh: '修改回答', en: 'Updated an answer' },
  // 权益诉求
  forward: { zh: '转交承办部门', en: 'Forwarded' },
  respond: { zh: '部门答复', en: 'Department responded' },
  explain: { zh: '向本人解释', en: 'Explained to the member' },
  confirm: { zh: '确认办结', en: 'Confirmed and rated' },
  not_resolved: { zh: '表示未解决', en: 'Said not resolved' },
  add_info: { zh: '补充情况', en: 'Added information' },
  // 困难帮扶
  recommend: { zh: '审核建议', en: 'Recommended' },
  reject: { zh: '不予帮扶', en: 'Rejected' },
  pay: { zh: '发放', en: 'Paid' },
  review: { zh: '年度复核', en: 'Yearly review' },
  reopen: { zh: '重新启用', en: 'Reopened' },
  visit: { zh: '走访', en: 'Visited' },
  // 会议
  convert: { zh: '意见转交', en: 'Passed on' },
};

export const AUDIT_ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  member: { zh: '会员', en: 'Member' },
  group: { zh: '工会小组', en: 'Group' },
  user: { zh: '账号', en: 'Account' },
  org: { zh: '单位', en: 'Organisation' },
  session: { zh: '登录', en: 'Sign-in' },
  file: { zh: '附件', en: 'Attachment' },
  department: { zh: '部门', en: 'Department' },
  congress_term: { zh: '教代会届次', en: 'Congress term' },
  congress_delegation: { zh: '代表团', en: 'Delegation' },
  congress_session: { zh: '教代会会议', en: 'Congress session' },
  congress_vote: { zh: '表决/选举', en: 'Vote / election' },
  proposal: { zh: '提案', en: 'Proposal' },
  proposal_template: { zh: '答复模板', en: 'Reply template' },
  proposal_window: { zh: '提案征集', en: 'Proposal window' },
  suggestion: { zh: '意见箱来信', en: 'Suggestion' },
  disclosure: { zh: '校务公开事项', en: 'Disclosure item' },
  disclosure_category: { zh: '公开类别', en: 'Disclosure category' },
  disclosure_issue: { zh: '公开期次', en: 'Disclosure issue' },
  disclosure_question: { zh: '公开提问', en: 'Disclosure question' },
  care_record: { zh: '慰问记录', en: 'Care record' },
  care_batch: { zh: '节日慰问批次', en: 'Festival care batch' },
  fund_budget: { zh: '经费预算', en: 'Fund budget' },
  fund_entry: { zh: '经费账目', en: 'Fund entry' },
  case: { zh: '权益诉求', en: 'Rights case' },
  hardship_file: { zh: '困难档案', en: 'Hardship file' },
  hardship_application: { zh: '帮扶申请', en: 'Hardship application' },
  hardship_campaign: { zh: '送温暖活动', en: 'Hardship campaign' },
  hardship_caps: { zh: '帮扶标准', en: 'Hardship caps' },
  meeting: { zh: '会议', en: 'Meeting' },
  meeting_type: { zh: '会议类型', en: 'Meeting type' },
  meeting_opinion: { zh: '会议意见', en: 'Meeting opinion' },
};
