import './care.css';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Result, Select } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { Page } from '../../../common/api';
import { BATCH_SCOPES, BATCH_SCOPE_LABELS, FESTIVALS, FESTIVAL_LABELS, festivalDate, nextFestival, type BatchPreview, type BatchPreviewRow, type CareBatch, type CareBatchInput, type Festival } from '../../../common/care';
import { formatYuan } from '../../../common/funds';
import type { Member } from '../../../common/members';
import { api } from '../../app/api';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { useDebounced, useIsPhone } from '../../components/hooks';
import { memberLabel } from '../../components/MemberSelect';
import { PageHeader } from '../../components/PageHeader';
import { useLabel, useOptions, useT } from '../../i18n';
import { dateProps } from '../congress/forms';
import { useGroups } from '../groups/api';
import { previewBatch, useBatches, useCareWrite } from './api';
import { useYuan, yuanField } from './parts';
import { useSchoolNow } from '../../app/today';

type Values = Omit<CareBatchInput, 'exclude'>;

/** Several members by searching the roster (name, 工号, pinyin initials). */
function MembersPicker({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const found = useQuery({ queryKey: ['/api/members', 'picker', q], queryFn: () => api<Page<Member>>('/api/members', { query: { q, pageSize: 20 } }) });
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = (found.data?.items ?? []).map((m) => ({ value: m.id, label: memberLabel(m) }));
  for (const v of value ?? []) if (!options.some((o) => o.value === v)) options.push({ value: v, label: known[v] ?? v });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v: string[]) => {
        setKnown((k) => ({ ...k, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
        onChange?.(v);
      }}
      options={options}
      loading={found.isFetching}
      placeholder={t('members.searchPlaceholder')}
      showSearch={{ onSearch: setSearch, filterOption: false }}
    />
  );
}

function BatchList({ year }: { year: number }) {
  const t = useT();
  const label = useLabel();
  const yuan = useYuan();
  const batches = useBatches(year);
  const items = batches.data?.items ?? [];
  if (items.length === 0) return null;
  const title = (b: CareBatch) => `${b.date.slice(0, 4)} ${label(FESTIVAL_LABELS, b.festival)}`;
  const download = (b: CareBatch) => (
    <DownloadButton path={`/api/care/batches/${b.id}/receipt`} fallbackName={`${title(b)}.pdf`} icon={<DownloadOutlined aria-hidden />} aria-label={`${t('care.receipt')} ${title(b)}`}>
      {t('care.receipt')}
    </DownloadButton>
  );
  const columns: ColumnsType<CareBatch> = [
    { key: 'date', title: t('care.date'), dataIndex: 'date' },
    { key: 'festival', title: t('care.festival'), render: (_, b) => label(FESTIVAL_LABELS, b.festival) },
    { key: 'who', title: t('care.scope'), render: (_, b) => b.groupName ?? label(BATCH_SCOPE_LABELS, b.scope) },
    { key: 'item', title: t('care.item'), dataIndex: 'item' },
    { key: 'count', title: t('care.members'), align: 'right', render: (_, b) => t('care.people', { n: b.count }) },
    { key: 'total', title: t('care.amount'), align: 'right', render: (_, b) => yuan(b.total) },
    { key: 'pdf', title: '', render: (_, b) => download(b) },
  ];
  return (
    <section className="tx-panel" aria-labelledby="care-batches">
      <h2 id="care-batches" className="tx-h2">
        {t('care.batches')}
      </h2>
      <DataList<CareBatch>
        label={t('care.batches')}
        rows={items}
        rowKey={(b) => b.id}
        columns={columns}
        renderCard={(b) => (
          <>
            <div className="tx-card-title">
              {title(b)} · {t('care.people', { n: b.count })} · {yuan(b.total)}
            </div>
            <div className="tx-card-meta">
              <span>{b.date}</span>
              <span>{b.item}</span>
            </div>
            <div className="tx-card-actions">{download(b)}</div>
          </>
        )}
      />
    </section>
  );
}

/** /care/batch: 节日慰问 for a group — preview against the caps, take out who would pass one, record, print the 签收单. */
export default function BatchPage() {
  const now = useSchoolNow();
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const phone = useIsPhone();
  const yuan = useYuan();
  const groups = useGroups();
  const [form] = Form.useForm<Values>();
  const [exclude, setExclude] = useState<string[]>([]);
  const [preview, setPreview] = useState<BatchPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [done, setDone] = useState<CareBatch | null>(null);
  const save = useCareWrite<CareBatchInput, CareBatch>('/api/care/batches');
  const scope = Form.useWatch('scope', form);
  const date = Form.useWatch('date', form);
  const coming = nextFestival(now.format('YYYY-MM-DD'));

  const run = async (out: string[]) => {
    const v = await form.validateFields();
    setPreviewing(true);
    try {
      setPreview(await previewBatch({ ...v, exclude: out }));
    } finally {
      setPreviewing(false);
    }
  };
  const takeOut = (ids: string[]) => {
    const next = [...new Set([...exclude, ...ids])];
    setExclude(next);
    return run(next);
  };
  // The festival's nearest date, before or after today: a batch is recorded around the festival.
  const onFestival = (f: Festival) => {
    const dates = [-1, 0, 1].map((d) => festivalDate(f, now.year() + d)).filter((d): d is string => d !== null);
    const nearest = dates.sort((a, b) => Math.abs(dayjs(a).diff(now)) - Math.abs(dayjs(b).diff(now)))[0];
    if (nearest) form.setFieldValue('date', nearest);
  };
  const reset = () => {
    setPreview(null);
    setExclude([]);
  };

  const columns: ColumnsType<BatchPreviewRow> = [
    { key: 'name', title: t('care.member'), render: (_, r) => `${r.name}（${r.employeeNo}）` },
    { key: 'department', title: t('field.department'), dataIndex: 'department' },
    { key: 'given', title: t('care.givenThisYear'), align: 'right', render: (_, r) => yuan(r.given) },
    { key: 'problem', title: t('care.problem'), width: 420, render: (_, r) => (r.problem ? <span className="tx-care-problem">{r.problem}</span> : t('care.ok')) },
    { key: 'remove', title: '', render: (_, r) => <Button size="small" onClick={() => takeOut([r.memberId])} aria-label={`${t('care.remove')} ${r.name}`}>{t('care.remove')}</Button> },
  ];
  const ok = preview ? preview.count - preview.exceeding : 0;

  return (
    <>
      <PageHeader title={t('care.batchTitle')} back={{ to: '/care', label: t('care.title') }} />
      {done ? (
        <div className="tx-panel">
          <Result
            status="success"
            title={t('care.batchDone', { count: done.count, total: formatYuan(done.total) })}
            subTitle={`${done.date} ${label(FESTIVAL_LABELS, done.festival)} · ${done.item}`}
            extra={[
              <DownloadButton key="pdf" type="primary" size="large" path={`/api/care/batches/${done.id}/receipt`} fallbackName="签收单.pdf" icon={<DownloadOutlined aria-hidden />} data-testid="care-receipt">
                {t('care.receipt')}
              </DownloadButton>,
              <Button key="again" size="large" onClick={() => { setDone(null); reset(); }}>
                {t('care.batch')}
              </Button>,
            ]}
          />
        </div>
      ) : (
        <div className="tx-panel">
          <p className="tx-care-muted">{t('care.batchIntro')}</p>
          <Form<Values>
            form={form}
            layout="vertical"
            className="tx-care-form"
            requiredMark={false}
            onValuesChange={reset}
            initialValues={{ festival: coming?.festival ?? 'spring', date: coming?.date ?? now.format('YYYY-MM-DD'), scope: 'retirees', memberIds: [] }}
          >
            <Form.Item name="festival" label={t('care.festival')}>
              <Select options={options(FESTIVALS, FESTIVAL_LABELS)} onChange={onFestival} data-testid="batch-festival" />
            </Form.Item>
            <Form.Item name="date" label={t('care.date')} rules={[{ required: true, message: t('care.date') }]} {...dateProps}>
              <DatePicker placeholder="YYYY-MM-DD" allowClear={false} data-testid="batch-date" />
            </Form.Item>
            <Form.Item name="scope" label={t('care.scope')}>
              <Radio.Group optionType="button" options={options(BATCH_SCOPES, BATCH_SCOPE_LABELS)} data-testid="batch-scope" />
            </Form.Item>
            {scope === 'group' && (
              <Form.Item name="groupId" label={t('care.group')} rules={[{ required: true, message: t('care.group') }]}>
                <Select options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} loading={groups.isPending} />
              </Form.Item>
            )}
            {scope === 'picked' && (
              <Form.Item name="memberIds" label={t('care.members')} rules={[{ required: true, message: t('care.members') }]}>
                <MembersPicker />
              </Form.Item>
            )}
            <Form.Item name="item" label={t('care.item')} rules={[{ required: true, whitespace: true, message: t('care.item') }]}>
              <Input maxLength={100} placeholder={t('care.itemHint')} data-testid="batch-item" />
            </Form.Item>
            <Form.Item name="amount" label={t('care.amountEach')} extra={t('care.festivalGoodsOnly')} rules={[{ required: true, message: t('care.amountEach') }]} {...yuanField}>
              <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" data-testid="batch-amount" />
            </Form.Item>
            <Form.Item name="visitors" label={t('care.visitors')}>
              <Input maxLength={200} />
            </Form.Item>
            <Button size="large" block={phone} loading={previewing} onClick={() => run(exclude)} data-testid="batch-preview">
              {t('care.preview')}
            </Button>
          </Form>
        </div>
      )}
      {preview && !done && (
        <section className="tx-panel" aria-labelledby="care-preview" data-testid="batch-result">
          <h2 id="care-preview" className="tx-h2">
            {t('care.previewSummary', { count: ok, total: formatYuan(preview.total), cap: formatYuan(preview.cap) })}
          </h2>
          {exclude.length > 0 && (
            <p>
              {t('care.removed', { n: exclude.length })}{' '}
              <Button type="link" onClick={() => { setExclude([]); void run([]); }}>
                {t('care.restore')}
              </Button>
            </p>
          )}
          {preview.exceeding > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="tx-care-done"
              title={t('care.exceeding', { n: preview.exceeding })}
              action={<Button onClick={() => takeOut(preview.rows.filter((r) => r.problem).map((r) => r.memberId))} data-testid="batch-remove-over">{t('care.removeAll')}</Button>}
            />
          )}
          <DataList<BatchPreviewRow>
            label={t('care.preview')}
            rows={[...preview.rows].sort((a, b) => Number(!!b.problem) - Number(!!a.problem))}
            rowKey={(r) => r.memberId}
            columns={columns}
            rowClassName={(r) => (r.problem ? 'tx-care-over-row' : '')}
            renderCard={(r) => (
              <>
                <div className="tx-card-title">
                  {r.name}
                  <span className="tx-care-muted">{r.department}</span>
                </div>
                <div className="tx-card-meta">
                  <span>
                    {t('care.givenThisYear')} {yuan(r.given)}
                  </span>
                </div>
                {r.problem && <p className="tx-care-problem">{r.problem}</p>}
                <div className="tx-card-actions">
                  <Button onClick={() => takeOut([r.memberId])} aria-label={`${t('care.remove')} ${r.name}`}>
                    {t('care.remove')}
                  </Button>
                </div>
              </>
            )}
          />
          <Button
            type="primary"
            size="large"
            block={phone}
            disabled={preview.exceeding > 0 || ok === 0}
            loading={save.isPending}
            onClick={async () => setDone(await save.mutateAsync({ ...(await form.validateFields()), exclude }))}
            data-testid="batch-record"
            style={{ marginTop: 16 }}
          >
            {t('care.recordBatch', { n: ok })}
          </Button>
        </section>
      )}
      <BatchList year={Number((done?.date ?? date ?? now.format('YYYY-MM-DD')).slice(0, 4))} />
    </>
  );
}
