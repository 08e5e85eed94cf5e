import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { GENDER_LABELS, HARDSHIP_LABELS, STAFF_CATEGORY_LABELS, TITLE_LABELS, type Member } from '../../../common/members';
import { useIsPhone } from '../../components/hooks';
import { useLabel, useT } from '../../i18n';
import { PhoneLink } from './memberColumns';
import { StatusTag } from './MemberTags';

/** Every field of a member record with its label: the detail page and 我的 both show it. */
export function MemberDescriptions({ member: m, linkGroup = true }: { member: Member; linkGroup?: boolean }) {
  const t = useT();
  const label = useLabel();
  const phone = useIsPhone();
  const group = m.groupId && linkGroup ? <Link to={`/members?groupId=${m.groupId}`}>{m.groupName}</Link> : (m.groupName ?? t('members.noGroup'));
  const items = [
    { key: 'employeeNo', label: t('field.employeeNo'), children: m.employeeNo },
    { key: 'name', label: t('field.name'), children: m.name },
    { key: 'gender', label: t('field.gender'), children: label(GENDER_LABELS, m.gender) },
    { key: 'birthDate', label: t('field.birthDate'), children: m.birthDate },
    { key: 'phone', label: t('field.phone'), children: <PhoneLink phone={m.phone} /> },
    { key: 'department', label: t('field.department'), children: m.department },
    { key: 'group', label: t('field.group'), children: group },
    { key: 'staffCategory', label: t('field.staffCategory'), children: label(STAFF_CATEGORY_LABELS, m.staffCategory) },
    { key: 'title', label: t('field.title'), children: label(TITLE_LABELS, m.title) },
    { key: 'politicalStatus', label: t('field.politicalStatus'), children: m.politicalStatus },
    { key: 'hireDate', label: t('field.hireDate'), children: m.hireDate },
    { key: 'joinDate', label: t('field.joinDate'), children: m.joinDate },
    { key: 'status', label: t('field.status'), children: <StatusTag status={m.status} /> },
    { key: 'hardshipLevel', label: t('field.hardshipLevel'), children: label(HARDSHIP_LABELS, m.hardshipLevel) },
    { key: 'hasAccount', label: t('field.hasAccount'), children: m.hasAccount ? t('common.yes') : t('common.no') },
  ];
  return <Descriptions items={items} column={phone ? 1 : { md: 2, xl: 3 }} bordered={!phone} size={phone ? 'small' : 'middle'} />;
}
