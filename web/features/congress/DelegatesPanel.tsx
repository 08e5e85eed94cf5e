import { useState } from 'react';
import { Button } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useCan } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ToneTag } from '../../components/ToneTag';
import { useT } from '../../i18n';
import { AddDelegateModal } from './AddDelegateModal';
import { useRemoveDelegate } from './mutations';
import { useConfirmDanger } from './useConfirmDanger';
import type { Delegate, TermDetail } from './types';

/** The delegates table (cards on a phone) with add and remove for managers. */
export function DelegatesPanel({ term }: { term: TermDetail }) {
  const t = useT();
  const can = useCan();
  const confirm = useConfirmDanger();
  const remove = useRemoveDelegate(term.id);
  const [adding, setAdding] = useState(false);
  const manager = can('congress.manage');

  const onRemove = (d: Delegate) => confirm({ title: t('congress.removeConfirm', { name: d.name }), okText: t('congress.remove'), onOk: () => remove.mutateAsync(d.memberId) });
  const removeButton = (d: Delegate) => (
    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => onRemove(d)} aria-label={t('congress.removeNamed', { name: d.name })}>
      {t('congress.remove')}
    </Button>
  );
  const tags = (d: Delegate) => (
    <span className="cx-tags">
      {d.isTeacher && <ToneTag tone="green">{t('congress.teacher')}</ToneTag>}
      {d.isLeader && <ToneTag tone="orange">{t('congress.isLeader')}</ToneTag>}
    </span>
  );

  const columns: ColumnsType<Delegate> = [
    { key: 'name', dataIndex: 'name', title: t('field.name') },
    { key: 'employeeNo', dataIndex: 'employeeNo', title: t('field.employeeNo') },
    { key: 'department', dataIndex: 'department', title: t('field.department') },
    { key: 'delegation', title: t('congress.delegation'), render: (_, d) => d.delegation ?? t('congress.noDelegation') },
    { key: 'teacher', title: t('congress.teacher'), render: (_, d) => (d.isTeacher ? t('common.yes') : t('common.no')) },
    { key: 'leader', title: t('congress.isLeader'), render: (_, d) => (d.isLeader ? <ToneTag tone="orange">{t('common.yes')}</ToneTag> : t('common.no')) },
    ...(manager ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, d: Delegate) => removeButton(d) }] : []),
  ];

  return (
    <section className="tx-panel" aria-labelledby="delegates">
      <div className="cx-section-head">
        <h2 id="delegates" className="tx-h2">
          {t('congress.delegatesN', { n: term.delegates.length })}
        </h2>
        {manager && (
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="delegate-add">
            {t('congress.addDelegate')}
          </Button>
        )}
      </div>
      <DataList<Delegate>
        label={t('congress.viewDelegates')}
        rows={term.delegates}
        rowKey={(d) => d.memberId}
        columns={columns}
        renderCard={(d) => (
          <>
            <div className="tx-card-title">
              <span>{d.name}</span>
              {tags(d)}
            </div>
            <div className="tx-card-meta">
              <span>
                {t('field.employeeNo')} {d.employeeNo}
              </span>
              {d.department && <span>{d.department}</span>}
              <span>{d.delegation ?? t('congress.noDelegation')}</span>
            </div>
            {manager && <div className="tx-card-actions">{removeButton(d)}</div>}
          </>
        )}
      />
      {manager && <AddDelegateModal term={term} open={adding} onClose={() => setAdding(false)} />}
    </section>
  );
}
