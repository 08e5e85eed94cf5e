import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Radio, Segmented } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { AttendanceStatus } from '../../../common/congress';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { SearchInput } from '../../components/SearchInput';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';
import { attendanceKey, useAttendance } from './api';
import { useBulkAttendance, useSetAttendance } from './mutations';
import type { AttendanceRow, LiveQuorum } from './types';

type Filter = 'all' | AttendanceStatus;

/** Every delegate with 出席 / 缺席 / 请假, a bulk "all present", and who checked in by QR. */
export function AttendancePanel({ sessionId, quorum }: { sessionId: string; quorum: LiveQuorum }) {
  const t = useT();
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const list = useAttendance(sessionId);
  const set = useSetAttendance(sessionId);
  const bulk = useBulkAttendance(sessionId);
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const { refetch } = list;
  const counts = `${quorum.present}/${quorum.leave}`;
  const seen = useRef(counts);

  // Delegates scanning the QR change the live counts: reload the list so their rows follow.
  useEffect(() => {
    if (seen.current === counts) return;
    seen.current = counts;
    void refetch();
  }, [counts, refetch]);

  if (list.error) return <ErrorState error={list.error} onRetry={() => refetch()} />;
  const rows = list.data ?? [];
  const count = (s: AttendanceStatus) => rows.filter((r) => r.status === s).length;
  const shown = rows.filter((r) => (filter === 'all' || r.status === filter) && (!q || r.name.includes(q.trim()) || r.employeeNo.includes(q.trim())));
  const absent = rows.filter((r) => r.status === 'absent');

  const mark = (row: AttendanceRow, status: AttendanceStatus) => {
    qc.setQueryData<AttendanceRow[]>(attendanceKey(sessionId), (old) => old?.map((r) => (r.memberId === row.memberId ? { ...r, status } : r)));
    set.mutate({ memberId: row.memberId, present: status === 'present', leave: status === 'leave' });
  };
  const markAll = () =>
    modal.confirm({
      title: t('congress.markAll'),
      content: t('congress.markAllConfirm', { n: absent.length }),
      okText: t('congress.markAll'),
      cancelText: t('common.cancel'),
      onOk: () => toasted(bulk.mutateAsync(absent.map((r) => r.memberId))),
    });

  const statusControl = (row: AttendanceRow) => (
    <Radio.Group
      aria-label={t('congress.attendanceOf', { name: row.name })}
      optionType="button"
      buttonStyle="solid"
      value={row.status}
      onChange={(e) => mark(row, e.target.value as AttendanceStatus)}
      options={(['present', 'absent', 'leave'] as const).map((value) => ({ value, label: t(`congress.${value}`), className: `cx-att-${value}` }))}
      className="cx-attendance"
    />
  );
  const how = (r: AttendanceRow) =>
    r.status === 'present' && r.at ? t(r.method === 'qr' ? 'congress.viaQr' : 'congress.viaClerk', { time: formatTime(r.at).slice(11) }) : '';

  const columns: ColumnsType<AttendanceRow> = [
    { key: 'name', dataIndex: 'name', title: t('field.name') },
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('field.employeeNo') },
    { key: 'delegation', title: t('congress.delegation'), render: (_, r) => r.delegation ?? t('congress.noDelegation') },
    { key: 'status', title: t('congress.tabAttendance'), render: (_, r) => statusControl(r) },
    { key: 'how', title: t('congress.how'), render: (_, r) => <span className="cx-muted">{how(r)}</span> },
  ];

  return (
    <section aria-label={t('congress.tabAttendance')}>
      <div className="tx-filters" role="search">
        <SearchInput label={t('congress.searchDelegate')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Segmented<Filter>
          aria-label={t('congress.filterStatus')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `${t('congress.all')} ${rows.length}` },
            { value: 'present', label: `${t('congress.present')} ${count('present')}` },
            { value: 'absent', label: `${t('congress.absent')} ${count('absent')}` },
            { value: 'leave', label: `${t('congress.leave')} ${count('leave')}` },
          ]}
        />
        <Button icon={<CheckOutlined aria-hidden />} onClick={markAll} disabled={absent.length === 0} loading={bulk.isPending} data-testid="attendance-all-present">
          {t('congress.markAll')}
        </Button>
      </div>
      {rows.length === 0 && !list.isPending ? (
        <p>{t('congress.noDelegates')}</p>
      ) : (
        <DataList<AttendanceRow>
          label={t('congress.tabAttendance')}
          rows={shown}
          loading={list.isPending}
          rowKey={(r) => r.memberId}
          columns={columns}
          renderCard={(r) => (
            <>
              <div className="tx-card-title">{r.name}</div>
              <div className="tx-card-meta">
                <span>
                  {t('field.employeeNo')} {r.employeeNo}
                </span>
                <span>{r.delegation ?? t('congress.noDelegation')}</span>
                {how(r) && <span>{how(r)}</span>}
              </div>
              <div className="tx-card-actions">{statusControl(r)}</div>
            </>
          )}
        />
      )}
    </section>
  );
}
