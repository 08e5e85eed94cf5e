import type { ReactNode } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  GENDERS, GENDER_LABELS, HARDSHIP_LABELS, HARDSHIP_LEVELS, MEMBER_STATUSES, MEMBER_STATUS_LABELS, POLITICAL_STATUSES,
  STAFF_CATEGORIES, STAFF_CATEGORY_LABELS, TITLES, TITLE_LABELS, memberInput, type Member, type MemberInput,
} from '../../../common/members';
import { applyApiError, applyZodError, emptyToNull, zodRule } from '../../components/forms';
import { useOptions, usePrefs, useT, type TextKey } from '../../i18n';
import { LinkButton } from '../../components/LinkButton';
import { useGroups } from '../groups/api';
import { useSaveMember } from './api';

const shape = memberInput.shape;
type Field = keyof typeof shape;

// Dates travel as YYYY-MM-DD strings; only the picker sees dayjs objects.
const dateProps = {
  getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

const DEFAULTS: Partial<MemberInput> = { staffCategory: 'teacher', title: 'none', status: 'active', hardshipLevel: 'none' };

/** Create or edit a member; validated with the server's own zod schema, field by field. */
export function MemberForm({ member, onSaved }: { member?: Member; onSaved: (m: Member) => void }) {
  const t = useT();
  const { lang } = usePrefs();
  const options = useOptions();
  const groups = useGroups();
  const [form] = Form.useForm<MemberInput>();
  const save = useSaveMember(member?.id);

  const item = (name: Field, text: TextKey, control: ReactNode, extra: object = {}) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={t(text)} rules={[zodRule(shape[name], lang)]} required={name === 'employeeNo' || name === 'name'} {...extra}>
        {control}
      </Form.Item>
    </Col>
  );
  const picker = <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" />;

  const onFinish = (values: MemberInput) => {
    const parsed = memberInput.safeParse(emptyToNull(values));
    if (!parsed.success) return applyZodError(form, parsed.error, lang);
    save.mutate(parsed.data, { onSuccess: onSaved, onError: (e) => applyApiError(form, e) });
  };

  return (
    <Form form={form} layout="vertical" initialValues={member ?? DEFAULTS} onFinish={onFinish} scrollToFirstError>
      <h2 className="tx-h2">{t('members.sectionBasic')}</h2>
      <Row gutter={16}>
        {item('employeeNo', 'field.employeeNo', <Input autoComplete="off" />)}
        {item('name', 'field.name', <Input autoComplete="off" />)}
        {item('gender', 'field.gender', <Select allowClear options={options(GENDERS, GENDER_LABELS)} />)}
        {item('birthDate', 'field.birthDate', picker, dateProps)}
        {item('phone', 'field.phone', <Input type="tel" inputMode="tel" autoComplete="off" />)}
        {item('politicalStatus', 'field.politicalStatus', <Select allowClear options={POLITICAL_STATUSES.map((p) => ({ value: p, label: p }))} />)}
      </Row>
      <h2 className="tx-h2">{t('members.sectionWork')}</h2>
      <Row gutter={16}>
        {item('department', 'field.department', <Input />)}
        {item('staffCategory', 'field.staffCategory', <Select options={options(STAFF_CATEGORIES, STAFF_CATEGORY_LABELS)} />)}
        {item('title', 'field.title', <Select options={options(TITLES, TITLE_LABELS)} />)}
        {item('hireDate', 'field.hireDate', picker, dateProps)}
      </Row>
      <h2 className="tx-h2">{t('members.sectionUnion')}</h2>
      <Row gutter={16}>
        {item('joinDate', 'field.joinDate', picker, dateProps)}
        {item('groupId', 'field.group', <Select allowClear loading={groups.isPending} options={groups.data?.items.map((g) => ({ value: g.id, label: g.name }))} />)}
        {item('status', 'field.status', <Select options={options(MEMBER_STATUSES, MEMBER_STATUS_LABELS)} />)}
        {item('hardshipLevel', 'field.hardshipLevel', <Select options={options(HARDSHIP_LEVELS, HARDSHIP_LABELS)} />)}
      </Row>
      <div className="tx-actions">
        <Button type="primary" htmlType="submit" size="large" loading={save.isPending} data-testid="member-save">
          {t('common.save')}
        </Button>
        <LinkButton size="large" to={member ? `/members/${member.id}` : '/members'}>
          {t('common.cancel')}
        </LinkButton>
      </div>
    </Form>
  );
}
