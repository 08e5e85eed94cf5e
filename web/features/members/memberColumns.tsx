import { Link } from 'react-router';
import { PhoneOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { GENDER_LABELS, STAFF_CATEGORY_LABELS, TITLE_LABELS, type Member } from '../../../common/members';
import { useLabel, useT } from '../../i18n';
import { HardshipTag, StatusTag } from './MemberTags';

export function PhoneLink({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <a href={`tel:${phone}`} className="tx-tel">
      <PhoneOutlined aria-hidden />
      {phone}
    </a>
  );
}

export function useMemberColumns(): ColumnsType<Member> {
  const t = useT();
  const label = useLabel();
  return [
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('field.employeeNo'), sorter: true },
    {
      key: 'name',
      title: t('field.name'),
      sorter: true,
      render: (_, m) => <Link to={`/members/${m.id}`}>{m.name}</Link>,
    },
    { key: 'gender', title: t('field.gender'), render: (_, m) => label(GENDER_LABELS, m.gender) },
    { key: 'group', dataIndex: 'groupName', title: t('field.group') },
    { key: 'department', dataIndex: 'department', title: t('field.department') },
    { key: 'staffCategory', title: t('field.staffCategory'), render: (_, m) => label(STAFF_CATEGORY_LABELS, m.staffCategory) },
    { key: 'title', title: t('field.title'), render: (_, m) => label(TITLE_LABELS, m.title) },
    { key: 'phone', title: t('field.phone'), render: (_, m) => <PhoneLink phone={m.phone} /> },
    {
      key: 'status',
      title: t('field.status'),
      render: (_, m) => (
        <>
          <StatusTag status={m.status} />
          <HardshipTag level={m.hardshipLevel} />
        </>
      ),
    },
    { key: 'joinDate', dataIndex: 'joinDate', title: t('field.joinDate'), sorter: true },
  ];
}

/** Phone card: who, 工号, group, and a phone number one tap away. */
export function MemberCard({ member: m }: { member: Member }) {
  const t = useT();
  return (
    <>
      <div className="tx-card-title">
        <Link to={`/members/${m.id}`}>{m.name}</Link>
        {m.status !== 'active' && <StatusTag status={m.status} />}
        <HardshipTag level={m.hardshipLevel} />
      </div>
      <div className="tx-card-meta">
        <span>
          {t('field.employeeNo')} {m.employeeNo}
        </span>
        <span>{m.groupName ?? t('members.noGroup')}</span>
      </div>
      <PhoneLink phone={m.phone} />
    </>
  );
}
