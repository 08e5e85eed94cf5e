import { useEffect, useRef, useState, type Key } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Radio, Segmented } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../common/congress';
import { toasted } from '../../app/notify';
import { DataList } from '../../components/DataList';
import { ErrorState } from '../../components/ErrorState';
import { formatTime } from '../../components/format';
import { useIsPhone } from '../../components/hooks';
import { SearchInput } from '../../components/SearchInput';
import { useT } from '../../i18n';
import { attendanceKey, useAttendance } from './api';
import { useBulkAttendance, useSetAttendance } from './mutations';
import type { AttendanceRow, LiveQuorum } from './types';

type Filter = 'all' | AttendanceStatus;

/**
 * Every delegate with 出席 / 缺席 / 请假; 应到, 实到, 请假, 缺席 at the top; many at once by selecting
 * them (e.g. the 请假条 handed in before the day), or "all present"; who checked in by QR.
 */
export function AttendancePanel({ sessionId, quorum }: { sessionId: string; quorum: LiveQuorum }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const phone = useIsPhone();
  const list = useAttendance(sessionId);
  const set = useSetAttendance(sessionId);
  const bulk = useBulkAttendance(sessionId);
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Key[]>([]);
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
  const statusLabel = (s: AttendanceStatus) => t(`congress.${s}`);

  /** Shows the new status at once; the refetch after the write puts the real state back. */
  const optimistic = (ids: string[], status: AttendanceStatus) =>
    qc.setQueryData<AttendanceRow[]>(attendanceKey(sessionId), (old) => old?.map((r) => (ids.includes(r.memberId) ? { ...r, status } : r)));
  const mark = (row: AttendanceRow, status: AttendanceStatus) => {
    optimistic([row.memberId], status);
    set.mutate({ memberId: row.memberId, present: status === 'present', leave: status === 'leave' });
  };
  const markMany = async (memberIds: string[], status: AttendanceStatus) => {
    optimistic(memberIds, status);
    await bulk.mutateAsync({ memberIds, status });
    message.success(t('congress.bulkDone', { n: memberIds.length, status: statusLabel(status) }));
    setSelected([]);
  };
  const markAll = () =>
    modal.confirm({
      title: t('congress.markAll'),
      content: t('congress.markAllConfirm', { n: absent.length }),
      okText: t('congress.markAll'),
      cancelText: t('common.cancel'),
      onOk: () => toasted(markMany(absent.map((r) => r.memberId), 'present')),
    });
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((k) => k !== id)));
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.includes(r.memberId));

  const statusControl = (row: AttendanceRow) => (
    <Radio.Group
      aria-label={t('congress.attendanceOf', { name: row.name })}
      optionType="button"
      buttonStyle="solid"
      value={row.status}
      onChange={(e) => mark(row, e.target.value as AttendanceStatus)}
      options={ATTENDANCE_STATUSES.map((value) => ({ value, label: statusLabel(value), className: `cx-att-${value}` }))}
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
  const stats = [
    { key: 'expected', label: t('congress.qExpected'), value: quorum.expected },
    { key: 'present', label: t('congress.qPresent'), value: quorum.present },
    { key: 'leave', label: t('congress.qLeave'), value: quorum.leave },
    { key: 'absent', label: t('congress.qAbsent'), value: quorum.delegates - quorum.present - quorum.leave },
  ];

  return (
    <section aria-label={t('congress.tabAttendance')}>
      <dl className="tx-stats cx-att-stats" aria-label={t('congress.attendanceSummary')}>
        {stats.map((s) => (
          <div key={s.key}>
            <dt>{s.label}</dt>
            <dd data-testid={`attendance-${s.key}`}>{s.value}</dd>
          </div>
        ))}
      </dl>
      <p className="cx-note">{t('congress.expectedHint', { delegates: quorum.delegates, leave: quorum.leave })}</p>
      <div className="tx-filters" role="search">
        <SearchInput label={t('congress.searchDelegate')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Segmented<Filter>
          aria-label={t('congress.filterStatus')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `${t('congress.all')} ${rows.length}` },
            ...ATTENDANCE_STATUSES.map((s) => ({ value: s, label: `${statusLabel(s)} ${count(s)}` })),
          ]}
        />
        <Button icon={<CheckOutlined aria-hidden />} onClick={markAll} disabled={absent.length === 0} loading={bulk.isPending} data-testid="attendance-all-present">
          {t('congress.markAll')}
        </Button>
      </div>
      {rows.length === 0 && !list.isPending ? (
        <p>{t('congress.noDelegates')}</p>
      ) : (
        <>
          {phone && shown.length > 0 && (
            <Checkbox
              className="cx-select-all"
              checked={allShownSelected}
              indeterminate={!allShownSelected && shown.some((r) => selected.includes(r.memberId))}
              onChange={(e) => setSelected(e.target.checked ? [...new Set([...selected, ...shown.map((r) => r.memberId)])] : selected.filter((k) => !shown.some((r) => r.memberId === k)))}
            >
              {t('congress.selectAllShown', { n: shown.length })}
            </Checkbox>
          )}
          <DataList<AttendanceRow>
            label={t('congress.tabAttendance')}
            rows={shown}
            loading={list.isPending}
            rowKey={(r) => r.memberId}
            columns={columns}
            rowSelection={{
              selectedRowKeys: selected,
              preserveSelectedRowKeys: true,
              onChange: setSelected,
              getCheckboxProps: (r) => ({ 'aria-label': t('congress.selectDelegate', { name: r.name }) }),
            }}
            renderCard={(r) => (
              <>
                <Checkbox checked={selected.includes(r.memberId)} onChange={(e) => toggle(r.memberId, e.target.checked)}>
                  <span className="tx-card-title">{r.name}</span>
                </Checkbox>
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
        </>
      )}
      {selected.length > 0 && (
        <div className="cx-bulk-bar" role="group" aria-label={t('congress.markSelectedAs')} data-testid="attendance-bulk">
          <span className="cx-bulk-count">{t('congress.selectedMarkAs', { n: selected.length })}</span>
          <span className="cx-bulk-buttons">
            {ATTENDANCE_STATUSES.map((s) => (
              <Button
                key={s}
                loading={bulk.isPending}
                onClick={() => void toasted(markMany(selected.map(String), s))}
                aria-label={t('congress.markAs', { status: statusLabel(s) })}
                data-testid={`attendance-bulk-${s}`}
              >
                {statusLabel(s)}
              </Button>
            ))}
          </span>
          <Button type="text" icon={<CloseOutlined aria-hidden />} onClick={() => setSelected([])} aria-label={t('congress.clearSelection')} />
        </div>
      )}
    </section>
  );
}
