import './meetings.css';
import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Popconfirm, Select } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { MEMBER_STATUS_LABELS } from '../../../common/members';
import { OPINION_TARGET_LABELS, type Meeting, type Opinion, type OpinionInput } from '../../../common/meetings';
import { Attachments } from '../../components/Attachments';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { ToneTag } from '../../components/ToneTag';
import { useLabel, useT } from '../../i18n';
import { RichContent } from '../disclosures/parts';
import { useMeeting, useMeetingWrite } from './api';
import { ConvertModal } from './ConvertModal';

/** /meetings/:id: the record; meetings.manage also records opinions and passes them on. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageSpinner />;
  if (meeting.error) return <ErrorState error={meeting.error} onRetry={() => meeting.refetch()} />;
  return <MeetingView m={meeting.data} />;
}

function MeetingView({ m }: { m: Meeting }) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const remove = useMeetingWrite<void>(`/api/meetings/${m.id}`, 'DELETE');
  const when = `${m.date}${m.startTime ? ` ${m.startTime}${m.endTime ? `—${m.endTime}` : ''}` : ''}`;

  return (
    <>
      <PageHeader
        title={m.title}
        back={m.canManage ? { to: '/meetings', label: t('mtg.title') } : { to: '/meetings/mine', label: t('mtg.mine') }}
        extra={
          <>
            <DownloadButton path={`/api/meetings/${m.id}/minutes.docx`} fallbackName={`${m.title}-会议纪要.docx`} icon={<DownloadOutlined aria-hidden />} data-testid="meeting-docx">
              {t('mtg.minutesDocx')}
            </DownloadButton>
            {m.canManage && (
              <>
                <LinkButton to={`/meetings/${m.id}/edit`} icon={<EditOutlined aria-hidden />} data-testid="meeting-edit">
                  {t('mtg.edit')}
                </LinkButton>
                <Popconfirm title={t('mtg.deleteConfirm')} onConfirm={() => remove.mutateAsync().then(() => navigate('/meetings', { replace: true }))}>
                  <Button danger>{t('mtg.delete')}</Button>
                </Popconfirm>
              </>
            )}
          </>
        }
      />
      <section className="tx-panel" aria-label={t('mtg.title')}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          items={[
            { key: 'type', label: t('mtg.type'), children: m.typeName },
            { key: 'when', label: t('mtg.field.date'), children: when },
            { key: 'place', label: t('mtg.field.place'), children: m.place ?? '—' },
            { key: 'host', label: t('mtg.field.host'), children: m.hostName ?? '—' },
          ]}
        />
        <h2 className="tx-h2 tx-mtg-h2">
          {t('mtg.attendees')}（{t('mtg.attendeesN', { n: m.attendeeList.length })}）
        </h2>
        {m.attendeeList.length ? (
          <ul className="tx-mtg-attendees" data-testid="meeting-attendees">
            {m.attendeeList.map((a, i) => (
              <li key={a.memberId ?? `g${i}`}>
                {a.name}
                {a.status === 'retired' && <ToneTag tone="blue">{label(MEMBER_STATUS_LABELS, 'retired')}</ToneTag>}
                {a.guest && <ToneTag tone="grey">{a.unit ?? t('mtg.guest')}</ToneTag>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('mtg.none')}</p>
        )}
      </section>
      <section className="tx-panel" aria-labelledby="mtg-agenda">
        <h2 className="tx-h2" id="mtg-agenda">{t('mtg.field.agenda')}</h2>
        <Numbered items={m.agenda} />
        <h2 className="tx-h2 tx-mtg-h2">{t('mtg.field.minutes')}</h2>
        {m.minutes ? <RichContent html={m.minutes} /> : <p>{t('mtg.none')}</p>}
        <h2 className="tx-h2 tx-mtg-h2">{t('mtg.field.decisions')}</h2>
        <Numbered items={m.decisions} />
      </section>
      <Opinions m={m} />
      <Attachments title={t('mtg.attachments')} ownerKind="meeting" ownerId={m.id} editable={m.canManage} />
    </>
  );
}

function Numbered({ items }: { items: string[] }) {
  const t = useT();
  return items.length ? (
    <ol className="tx-mtg-list">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ol>
  ) : (
    <p>{t('mtg.none')}</p>
  );
}

/** Where an opinion went; a link for those who record meetings (an attendee could not open it). */
function Became({ o, link }: { o: Opinion; link: boolean }) {
  const t = useT();
  const label = useLabel();
  if (!o.became) return null;
  const path = o.became.kind === 'suggestion' ? `/suggestions/${o.became.id}` : o.became.kind === 'proposal' ? `/proposals/${o.became.id}` : `/cases/${o.became.id}`;
  return (
    <span data-testid="opinion-became">
      {t('mtg.became', { kind: label(OPINION_TARGET_LABELS, o.became.kind) })}
      {link ? <Link to={path}>{o.became.title}</Link> : o.became.title}
    </span>
  );
}

function Opinions({ m }: { m: Meeting }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpinionInput>();
  const add = useMeetingWrite<OpinionInput, Meeting>(`/api/meetings/${m.id}/opinions`, 'POST', { inlineError: true });
  const remove = useMeetingWrite<string>((oid) => `/api/meetings/${m.id}/opinions/${oid}`, 'DELETE');
  const [converting, setConverting] = useState<Opinion | null>(null);
  const members = m.attendeeList.filter((a) => a.memberId);

  const onFinish = async (v: OpinionInput) => {
    try {
      await add.mutateAsync(v);
      form.resetFields();
      message.success(t('mtg.saved'));
    } catch (e) {
      applyApiError(form, e);
    }
  };

  return (
    <section className="tx-panel" aria-labelledby="mtg-opinions">
      <h2 className="tx-h2" id="mtg-opinions">{t('mtg.opinions')}</h2>
      {m.opinionList.length ? (
        <ul className="tx-mtg-opinions" data-testid="meeting-opinions">
          {m.opinionList.map((o) => (
            <li key={o.id}>
              {o.raisedBy && <span className="tx-mtg-opinion-by">{o.raisedBy}</span>}
              <span className="tx-mtg-opinion-text">{o.content}</span>
              <div className="tx-mtg-opinion-actions">
                <Became o={o} link={m.canManage} />
                {m.canManage && !o.became && (
                  <>
                    <Button size="small" type="primary" ghost onClick={() => setConverting(o)} data-testid="opinion-convert">
                      {t('mtg.convert')}
                    </Button>
                    <Popconfirm title={t('mtg.remove')} onConfirm={() => remove.mutateAsync(o.id)}>
                      <Button size="small" danger type="text">
                        {t('mtg.remove')}
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('mtg.noOpinions')}</p>
      )}
      {m.canManage && (
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="opinion-form">
          <div className="tx-mtg-row">
            <Form.Item name="memberId" label={t('mtg.raisedByMember')}>
              <Select allowClear options={members.map((a) => ({ value: a.memberId!, label: a.name }))} data-testid="opinion-member" />
            </Form.Item>
            <Form.Item name="guestName" label={t('mtg.raisedByGuest')}>
              <Input maxLength={40} />
            </Form.Item>
          </div>
          <Form.Item name="content" label={t('mtg.opinion')} rules={[{ required: true, whitespace: true, message: t('mtg.opinion') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="opinion-content" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="opinion-add">
            {t('mtg.addOpinion')}
          </Button>
        </Form>
      )}
      {converting && <ConvertModal meetingId={m.id} opinion={converting} onClose={() => setConverting(null)} />}
    </section>
  );
}
