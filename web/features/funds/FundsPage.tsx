import '../care/care.css';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Progress, Radio, Select } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import {
  FUND_CATEGORY_LABELS,
  FUND_DIRECTIONS,
  FUND_DIRECTION_LABELS,
  FUND_EXPENSE_CATEGORIES,
  FUND_INCOME_CATEGORIES,
  FUND_SOURCE_LABELS,
  formatYuan,
  type FundBudgetInput,
  type FundBudgetLine,
  type FundEntry,
  type FundEntryInput,
  type FundSummary,
} from '../../../common/funds';
import { api } from '../../app/api';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorState } from '../../components/ErrorState';
import { applyApiError } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useListQuery } from '../../components/useListQuery';
import { useLabel, useOptions, useT } from '../../i18n';
import { yuanField, useYuan } from '../care/parts';
import { dateProps } from '../congress/forms';
import { useRecentYears, useSchoolNow } from '../../app/today';

const refreshFunds = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/funds') });

function EntryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const now = useSchoolNow();
  const t = useT();
  const options = useOptions();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FundEntryInput>();
  const direction = Form.useWatch('direction', form) ?? 'expense';
  const add = useMutation({ mutationFn: (v: FundEntryInput) => api<FundEntry>('/api/funds/entries', { method: 'POST', body: v }), onSuccess: () => refreshFunds(qc), meta: { inlineError: true } });
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync(v);
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      applyApiError(form, e);
    }
  };
  return (
    <Modal open={open} title={t('funds.addEntry')} okText={t('common.save')} onOk={submit} okButtonProps={{ loading: add.isPending }} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} requiredMark={false} initialValues={{ direction: 'expense', category: 'activities', date: now.format('YYYY-MM-DD') }}>
        <Form.Item name="direction" label={t('funds.direction')}>
          <Radio.Group optionType="button" options={options(FUND_DIRECTIONS, FUND_DIRECTION_LABELS)} onChange={(e) => form.setFieldValue('category', e.target.value === 'income' ? 'dues' : 'activities')} />
        </Form.Item>
        <Form.Item name="category" label={t('funds.category')}>
          <Select options={options(direction === 'income' ? FUND_INCOME_CATEGORIES : FUND_EXPENSE_CATEGORIES, FUND_CATEGORY_LABELS)} />
        </Form.Item>
        <Form.Item name="date" label={t('care.date')} rules={[{ required: true, message: t('care.date') }]} {...dateProps}>
          <DatePicker placeholder="YYYY-MM-DD" allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="voucherNo" label={t('funds.voucher')} rules={[{ required: true, whitespace: true, message: t('funds.voucher') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="summary" label={t('funds.summary')} rules={[{ required: true, whitespace: true, message: t('funds.summary') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="amount" label={t('care.amountYuan')} rules={[{ required: true, message: t('care.amountYuan') }]} {...yuanField}>
          <InputNumber min={0.01} precision={2} controls={false} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BudgetModal({ summary, onClose }: { summary: FundSummary | null; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const qc = useQueryClient();
  const [form] = Form.useForm<FundBudgetInput['items']>();
  const save = useMutation({ mutationFn: (items: FundBudgetInput['items']) => api<FundSummary>('/api/funds/budgets', { method: 'PUT', body: { year: summary!.year, items } }), onSuccess: () => refreshFunds(qc) });
  return (
    <Modal
      open={!!summary}
      title={`${t('funds.setBudget')} · ${t('care.yearOf', { y: summary?.year ?? '' })}`}
      okText={t('common.save')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.validateFields().then((v) => save.mutateAsync(v).then(onClose))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={Object.fromEntries((summary?.budget ?? []).map((b) => [b.category, b.budget]))}>
        {FUND_EXPENSE_CATEGORIES.map((c) => (
          <Form.Item key={c} name={c} label={t('funds.budgetOf', { category: label(FUND_CATEGORY_LABELS, c) })} rules={[{ required: true, message: label(FUND_CATEGORY_LABELS, c) }]} {...yuanField}>
            <InputNumber min={0} precision={2} controls={false} inputMode="decimal" style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** /funds: the year's balance and budget use at a glance, every entry, entries by hand and the export. */
export default function FundsPage() {
  const now = useSchoolNow();
  const years = useRecentYears();
  const t = useT();
  const can = useCan();
  const label = useLabel();
  const options = useOptions();
  const yuan = useYuan();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const { filters, set, result, listProps } = useListQuery<FundEntry>('/api/funds/entries');
  const year = Number(filters.year) || now.year();
  const summary = useQuery({ queryKey: ['/api/funds/summary', year], queryFn: () => api<FundSummary>('/api/funds/summary', { query: { year } }) });
  const [adding, setAdding] = useState(false);
  const [budgeting, setBudgeting] = useState(false);
  const manage = can('funds.manage');
  const reverse = useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => api<FundEntry>(`/api/funds/entries/${id}/reverse`, { method: 'POST', body: { reason } }), onSuccess: () => refreshFunds(qc) });

  const askReverse = (e: FundEntry) => {
    let reason = '';
    modal.confirm({
      title: `${t('funds.reverse')} ${e.voucherNo ?? ''}`,
      content: <Input aria-label={t('funds.reverseReason')} placeholder={t('funds.reverseReason')} maxLength={200} onChange={(ev) => (reason = ev.target.value)} />,
      okText: t('funds.reverse'),
      okButtonProps: { danger: true },
      onOk: () => reverse.mutateAsync({ id: e.id, reason }),
    });
  };

  const budgetBar = (b: FundBudgetLine) =>
    b.usePct === null ? '—' : b.usePct > 100 ? <ToneTag tone="red">{`${t('funds.overBudget')} ${b.usePct}%`}</ToneTag> : <Progress percent={b.usePct} size="small" strokeColor="#237804" aria-label={`${label(FUND_CATEGORY_LABELS, b.category)} ${b.usePct}%`} />;
  const budgetColumns: ColumnsType<FundBudgetLine> = [
    { key: 'category', title: t('funds.category'), render: (_, b) => label(FUND_CATEGORY_LABELS, b.category) },
    { key: 'budget', title: t('funds.budget'), align: 'right', render: (_, b) => (b.budget ? yuan(b.budget) : t('funds.noBudget')) },
    { key: 'spent', title: t('funds.spent'), align: 'right', render: (_, b) => yuan(b.spent) },
    { key: 'left', title: t('funds.left'), align: 'right', render: (_, b) => (b.budget ? yuan(b.remaining) : '—') },
    { key: 'use', title: t('funds.use'), render: (_, b) => budgetBar(b) },
  ];
  const signed = (e: FundEntry) => `${e.direction === 'income' ? '+' : '−'}${formatYuan(Math.abs(e.amount))}`;
  const entryColumns: ColumnsType<FundEntry> = [
    { key: 'date', title: t('care.date'), dataIndex: 'date' },
    { key: 'voucher', title: t('funds.voucher'), render: (_, e) => e.voucherNo ?? '—' },
    { key: 'category', title: t('funds.category'), render: (_, e) => label(FUND_CATEGORY_LABELS, e.category) },
    { key: 'summary', title: t('funds.summary'), dataIndex: 'summary' },
    { key: 'amount', title: t('care.amount'), align: 'right', render: (_, e) => (e.amount < 0 ? <span className="tx-care-muted">{formatYuan(e.amount)}</span> : signed(e)) },
    { key: 'source', title: t('funds.source'), render: (_, e) => label(FUND_SOURCE_LABELS, e.sourceKind) },
    {
      key: 'actions',
      title: '',
      render: (_, e) =>
        e.reversed ? <ToneTag tone="grey">{t('funds.reversed')}</ToneTag> : manage && e.sourceKind === 'manual' && !e.reversesId ? <Button size="small" onClick={() => askReverse(e)}>{t('funds.reverse')}</Button> : null,
    },
  ];
  const s = summary.data;

  return (
    <>
      <PageHeader
        title={t('funds.title')}
        extra={
          <>
            <Select aria-label={t('funds.year')} value={year} onChange={(y: number) => set({ year: y })} options={years.map((y) => ({ value: y, label: t('care.yearOf', { y }) }))} data-testid="funds-year" style={{ minWidth: 110 }} />
            {manage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="funds-add">
                {t('funds.addEntry')}
              </Button>
            )}
            {manage && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setBudgeting(true)} disabled={!s} data-testid="funds-budget">
                {t('funds.setBudget')}
              </Button>
            )}
            <DownloadButton path="/api/funds/export" query={{ year }} fallbackName={`工会经费-${year}.xlsx`} icon={<DownloadOutlined aria-hidden />}>
              {t('funds.export')}
            </DownloadButton>
          </>
        }
      />
      {!manage && <Alert type="info" showIcon title={t('funds.readOnly')} style={{ marginBottom: 16 }} />}
      {summary.error ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        s && (
          <>
            <dl className="tx-stats tx-funds-stats" data-testid="funds-stats">
              <div>
                <dt>{t('funds.opening')}</dt>
                <dd>{formatYuan(s.opening)}</dd>
              </div>
              <div>
                <dt>{t('funds.income')}</dt>
                <dd>{formatYuan(s.income)}</dd>
              </div>
              <div>
                <dt>{t('funds.expense')}</dt>
                <dd>{formatYuan(s.expense)}</dd>
              </div>
              <div className={s.balance < 0 ? 'tx-stat-bad' : undefined}>
                <dt>{t('funds.balance')}</dt>
                <dd>{formatYuan(s.balance)}</dd>
              </div>
            </dl>
            <section className="tx-panel" aria-labelledby="funds-budget">
              <h2 id="funds-budget" className="tx-h2">
                {t('funds.budgetUse')}
              </h2>
              <DataList<FundBudgetLine>
                label={t('funds.budgetUse')}
                rows={s.budget}
                rowKey={(b) => b.category}
                columns={budgetColumns}
                renderCard={(b) => (
                  <>
                    <div className="tx-card-title">{label(FUND_CATEGORY_LABELS, b.category)}</div>
                    <div className="tx-card-meta">
                      <span>
                        {t('funds.spent')} {yuan(b.spent)}
                      </span>
                      <span>
                        {t('funds.budget')} {b.budget ? yuan(b.budget) : t('funds.noBudget')}
                      </span>
                    </div>
                    {budgetBar(b)}
                  </>
                )}
              />
            </section>
          </>
        )
      )}
      <section className="tx-panel" aria-labelledby="funds-entries">
        <h2 id="funds-entries" className="tx-h2">
          {t('funds.entries')}
        </h2>
        <div className="tx-filters" role="search">
          <Select aria-label={t('funds.direction')} placeholder={t('funds.direction')} value={filters.direction} onChange={(v?: string) => set({ direction: v })} options={options(FUND_DIRECTIONS, FUND_DIRECTION_LABELS)} allowClear />
          <Select aria-label={t('funds.category')} placeholder={t('funds.category')} value={filters.category} onChange={(v?: string) => set({ category: v })} options={options([...FUND_EXPENSE_CATEGORIES, ...FUND_INCOME_CATEGORIES], FUND_CATEGORY_LABELS)} allowClear />
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<FundEntry>
            {...listProps}
            label={t('funds.entries')}
            rowKey={(e) => e.id}
            columns={entryColumns}
            renderCard={(e) => (
              <>
                <div className="tx-card-title">
                  <span>{signed(e)}</span>
                  <span>{label(FUND_CATEGORY_LABELS, e.category)}</span>
                  {e.reversed && <ToneTag tone="grey">{t('funds.reversed')}</ToneTag>}
                </div>
                <div className="tx-card-meta">
                  <span>{e.date}</span>
                  {e.voucherNo && <span>{e.voucherNo}</span>}
                  <span>{e.summary}</span>
                </div>
              </>
            )}
          />
        )}
      </section>
      <EntryModal open={adding} onClose={() => setAdding(false)} />
      <BudgetModal summary={budgeting ? (s ?? null) : null} onClose={() => setBudgeting(false)} />
    </>
  );
}
