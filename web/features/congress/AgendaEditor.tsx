import { useState } from 'react';
import { App, Button, Input, Select } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AGENDA_KINDS, AGENDA_KIND_LABELS } from '../../../common/congress';
import { useLabel, useOptions, useT } from '../../i18n';
import { useSetAgenda } from './mutations';
import type { AgendaItem, AgendaKind, SessionDetail } from './types';

const TYPICAL: AgendaKind[] = ['work_report', 'finance_report', 'proposal_report'];

/** Ordered agenda items (kind + title), edited locally and saved as a whole with PUT. */
export function AgendaEditor({ session }: { session: SessionDetail }) {
  const t = useT();
  const label = useLabel();
  const options = useOptions();
  const { message } = App.useApp();
  const save = useSetAgenda(session.id);
  const [items, setItems] = useState<AgendaItem[]>(() => session.agenda.map(({ kind, title, note }) => ({ kind, title, note })));
  const [touched, setTouched] = useState(false);
  const kinds = options(AGENDA_KINDS, AGENDA_KIND_LABELS);

  const update = (next: AgendaItem[]) => {
    setItems(next);
    setTouched(true);
  };
  const patch = (i: number, p: Partial<AgendaItem>) => update(items.map((it, j) => (j === i ? { ...it, ...p } : it)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    update(next);
  };
  const invalid = items.some((it) => !it.title.trim());

  return (
    <section aria-label={t('congress.tabAgenda')}>
      {items.length === 0 && (
        <p>
          {t('congress.agendaEmpty')}{' '}
          <Button type="link" onClick={() => update(TYPICAL.map((kind) => ({ kind, title: label(AGENDA_KIND_LABELS, kind) })))}>
            {t('congress.typicalAgenda')}
          </Button>
        </p>
      )}
      <ol className="cx-agenda" data-testid="agenda">
        {items.map((it, i) => {
          const n = i + 1;
          return (
            <li key={i} className="cx-agenda-row">
              <span className="cx-agenda-no">{t('congress.itemN', { n })}</span>
              <Select aria-label={t('congress.kindOf', { n })} value={it.kind} options={kinds} onChange={(kind: AgendaKind) => patch(i, { kind })} className="cx-agenda-kind" />
              <Input
                aria-label={t('congress.titleOf', { n })}
                value={it.title}
                maxLength={60}
                status={touched && !it.title.trim() ? 'error' : undefined}
                onChange={(e) => patch(i, { title: e.target.value })}
                className="cx-agenda-title"
              />
              <span className="cx-agenda-tools">
                <Button icon={<ArrowUpOutlined aria-hidden />} aria-label={t('congress.moveUp', { n })} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button icon={<ArrowDownOutlined aria-hidden />} aria-label={t('congress.moveDown', { n })} disabled={i === items.length - 1} onClick={() => move(i, 1)} />
                <Button danger icon={<DeleteOutlined aria-hidden />} aria-label={t('congress.removeItem', { n })} onClick={() => update(items.filter((_, j) => j !== i))} />
              </span>
            </li>
          );
        })}
      </ol>
      <div className="tx-actions">
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => update([...items, { kind: 'other', title: '' }])} disabled={items.length >= 30} data-testid="agenda-add">
          {t('congress.addItem')}
        </Button>
        <Button
          type="primary"
          disabled={!touched || invalid}
          loading={save.isPending}
          onClick={() => save.mutate(items, { onSuccess: () => (setTouched(false), message.success(t('common.saved'))) })}
          data-testid="agenda-save"
        >
          {t('congress.saveAgenda')}
        </Button>
      </div>
    </section>
  );
}
