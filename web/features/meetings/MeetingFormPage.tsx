import './meetings.css';
import { useMemo } from 'react';
import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { Meeting, MeetingInput } from '../../../common/meetings';
import { applyApiError } from '../../components/forms';
import { ErrorState } from '../../components/ErrorState';
import { MemberSelect } from '../../components/MemberSelect';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { useT, type TextKey } from '../../i18n';
import { dateProps } from '../congress/forms';
import { RichTextEditor } from '../disclosures/RichTextEditor';
import { useMeeting, useMeetingWrite, useTypes } from './api';
import { AttendeesSelect } from './parts';
import { useSchoolToday } from '../../app/today';

type Values = MeetingInput;

/** /meetings/new and /meetings/:id/edit: one form for the whole record. */
export default function MeetingFormPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (!id) return <MeetingForm />;
  if (meeting.isPending) return <PageSpinner />;
  if (meeting.error) return <ErrorState error={meeting.error} onRetry={() => meeting.refetch()} />;
  return <MeetingForm m={meeting.data} />;
}

/** A list of one-line texts (agenda items, decisions), added and removed in place. */
function Lines({ name, label, add }: { name: 'agenda' | 'decisions'; label: TextKey; add: TextKey }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <fieldset className="tx-fieldset">
          <legend>{t(label)}</legend>
          {fields.map((f, i) => (
            <div className="tx-mtg-row" key={f.key}>
              <Form.Item name={f.name} rules={[{ required: true, whitespace: true, message: t(label) }]}>
                <Input maxLength={500} aria-label={`${t(label)} ${i + 1}`} prefix={`${i + 1}.`} />
              </Form.Item>
              <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('mtg.remove')} onClick={() => ops.remove(f.name)} />
            </div>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => ops.add('')} data-testid={`meeting-add-${name}`}>
            {t(add)}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

function MeetingForm({ m }: { m?: Meeting }) {
  const today = useSchoolToday();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const types = useTypes();
  const save = useMeetingWrite<Values, Meeting>(m ? `/api/meetings/${m.id}` : '/api/meetings', m ? 'PUT' : 'POST', { inlineError: true });
  const known = useMemo(() => new Map((m?.attendeeList ?? []).filter((a) => a.memberId).map((a) => [a.memberId!, a.name])), [m]);
  const required = (key: TextKey) => [{ required: true, whitespace: true, message: t(key) }];

  const initial: Partial<Values> = m
    ? {
        typeId: m.typeId, title: m.title, date: m.date, startTime: m.startTime, endTime: m.endTime, place: m.place, hostMemberId: m.hostMemberId,
        memberIds: m.attendeeList.filter((a) => !a.guest).map((a) => a.memberId!),
        guests: m.attendeeList.filter((a) => a.guest).map((a) => ({ name: a.name, unit: a.unit })),
        agenda: m.agenda, minutes: m.minutes, decisions: m.decisions,
      }
    : { date: today, memberIds: [], guests: [], agenda: [''], decisions: [], minutes: '' };

  const onFinish = async (v: Values) => {
    try {
      const saved = await save.mutateAsync({ ...v, guests: v.guests ?? [], agenda: v.agenda ?? [], decisions: v.decisions ?? [] });
      message.success(t('mtg.saved'));
      navigate(`/meetings/${saved.id}`, { replace: true });
    } catch (e) {
      applyApiError(form, e);
    }
  };

  const usable = (types.data ?? []).filter((x) => !x.retired || x.id === m?.typeId);
  return (
    <>
      <PageHeader title={t(m ? 'mtg.edit' : 'mtg.new')} back={m ? { to: `/meetings/${m.id}`, label: m.title } : { to: '/meetings', label: t('mtg.title') }} />
      <div className="tx-panel">
        <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError data-testid="meeting-form">
          <Form.Item name="typeId" label={t('mtg.type')} rules={[{ required: true, message: t('mtg.type') }]}>
            <Select options={usable.map((x) => ({ value: x.id, label: x.name }))} loading={types.isPending} data-testid="meeting-type" />
          </Form.Item>
          <Form.Item name="title" label={t('mtg.field.title')} rules={required('mtg.field.title')}>
            <Input maxLength={100} data-testid="meeting-title" />
          </Form.Item>
          <div className="tx-mtg-row tx-mtg-times">
            <Form.Item name="date" label={t('mtg.field.date')} rules={[{ required: true, message: t('mtg.field.date') }]} {...dateProps}>
              <DatePicker allowClear={false} placeholder="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="startTime" label={t('mtg.field.start')}>
              <Input placeholder={t('mtg.time')} maxLength={5} inputMode="numeric" />
            </Form.Item>
            <Form.Item name="endTime" label={t('mtg.field.end')}>
              <Input placeholder={t('mtg.time')} maxLength={5} inputMode="numeric" />
            </Form.Item>
          </div>
          <Form.Item name="place" label={t('mtg.field.place')}>
            <Input maxLength={100} data-testid="meeting-place" />
          </Form.Item>
          <Form.Item name="hostMemberId" label={t('mtg.field.host')}>
            <MemberSelect currentLabel={m?.hostName} />
          </Form.Item>
          <Form.Item name="memberIds" label={t('mtg.field.members')}>
            <AttendeesSelect known={known} />
          </Form.Item>
          <Form.List name="guests">
            {(fields, ops) => (
              <fieldset className="tx-fieldset">
                <legend>{t('mtg.field.guests')}</legend>
                {fields.map((f) => (
                  <div className="tx-mtg-row" key={f.key}>
                    <Form.Item name={[f.name, 'name']} rules={required('mtg.field.guestName')}>
                      <Input placeholder={t('mtg.field.guestName')} aria-label={t('mtg.field.guestName')} maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input placeholder={t('mtg.field.guestUnit')} aria-label={t('mtg.field.guestUnit')} maxLength={60} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('mtg.remove')} onClick={() => ops.remove(f.name)} />
                  </div>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => ops.add({ name: '', unit: '' })} data-testid="meeting-add-guest">
                  {t('mtg.addGuest')}
                </Button>
              </fieldset>
            )}
          </Form.List>
          <Lines name="agenda" label="mtg.field.agenda" add="mtg.addAgenda" />
          <Form.Item name="minutes" label={t('mtg.field.minutes')}>
            <RichTextEditor label={t('mtg.field.minutes')} />
          </Form.Item>
          <Lines name="decisions" label="mtg.field.decisions" add="mtg.addDecision" />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="meeting-save">
            {t('common.save')}
          </Button>
        </Form>
      </div>
    </>
  );
}
