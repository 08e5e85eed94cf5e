import { Button, DatePicker, Select } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditEntry } from '../../../common/audit';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatTime } from '../../components/format';
import { useListQuery } from '../../components/useListQuery';
import { useLabel, useT } from '../../i18n';
import { useRestoreMember } from '../members/api';
import { AuditDiff } from './AuditDiff';

export default function AuditPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const restore = useRestoreMember();
  const { filters, set, result, listProps } = useListQuery<AuditEntry>('/api/audit', { pageSize: 50 });

  const action = (a: string) => label(AUDIT_ACTION_LABELS, a) || a;
  // "会员 · 贺婧": the record's name as it was when the row was written (sign-ins need no subject).
  const entity = (e: AuditEntry) => {
    if (e.entity === 'session') return null;
    const kind = label(AUDIT_ENTITY_LABELS, e.entity) || e.entity;
    const text = e.label ? `${kind} · ${e.label}` : kind;
    return e.entity === 'member' && e.entityId && e.action !== 'delete' ? <Link to={`/members/${e.entityId}`}>{text}</Link> : text;
  };
  // A deleted member can be brought back from here, long after the undo notice is gone.
  const restoreButton = (e: AuditEntry) =>
    e.entity === 'member' && e.action === 'delete' && e.entityId && can('members.write') ? (
      <Button size="small" icon={<UndoOutlined aria-hidden />} loading={restore.isPending} onClick={() => restore.mutate(e.entityId!)}>
        {t('members.restore')}
      </Button>
    ) : null;
  const date = (key: 'from' | 'to', text: string) => (
    <DatePicker
      aria-label={text}
      placeholder={text}
      value={filters[key] ? dayjs(filters[key]) : null}
      onChange={(d) => set({ [key]: d ? d.format('YYYY-MM-DD') : undefined })}
    />
  );

  const columns: ColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => formatTime(e.at) },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), render: (_, e) => action(e.action) },
    { key: 'entity', title: t('audit.entity'), render: (_, e) => entity(e) },
    { key: 'restore', title: t('common.actions'), render: (_, e) => restoreButton(e) },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <div className="tx-panel">
        <div className="tx-filters" role="search">
          <Select
            aria-label={t('audit.entity')}
            placeholder={t('audit.entity')}
            allowClear
            value={filters.entity}
            onChange={(v?: string) => set({ entity: v, entityId: undefined })}
            options={Object.keys(AUDIT_ENTITY_LABELS).map((k) => ({ value: k, label: label(AUDIT_ENTITY_LABELS, k) }))}
          />
          {date('from', t('audit.from'))}
          {date('to', t('audit.to'))}
          {filters.entityId && (
            <span className="tx-inline-note">
              {t('audit.oneRecord')}
              <Button type="link" onClick={() => set({ entityId: undefined })}>
                {t('audit.showAll')}
              </Button>
            </span>
          )}
        </div>
        {result.error ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <DataList<AuditEntry>
            {...listProps}
            label={t('audit.title')}
            rowKey={(e) => e.id}
            columns={columns}
            expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} /> }}
            renderCard={(e) => (
              <>
                <div className="tx-card-title">
                  {action(e.action)} {entity(e)}
                </div>
                <div className="tx-card-meta">
                  <span>{formatTime(e.at)}</span>
                  <span>{e.actorName ?? t('audit.system')}</span>
                </div>
                <details>
                  <summary>{t('audit.showChanges')}</summary>
                  <AuditDiff before={e.before} after={e.after} />
                </details>
                {restoreButton(e)}
              </>
            )}
          />
        )}
      </div>
    </>
  );
}
