import { useEffect, useRef, type Key, type MouseEvent, type ReactNode } from 'react';
import { Empty, Spin, Table, type TableProps } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useT } from '../i18n';
import { useIsPhone } from './hooks';
import { PhonePager } from './PhonePager';

export interface DataListProps<T extends object> {
  /** Accessible name of the phone card list, and of a table region that scrolls sideways. */
  label: string;
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /** Desktop table columns; a column with `sorter: true` sorts server-side by its `key`. */
  columns: ColumnsType<T>;
  /** Phone card for one row; without it phones get the table too (narrow admin lists). */
  renderCard?: (row: T) => ReactNode;
  loading?: boolean;
  /** Server paging when onPageChange is given; otherwise the table pages locally. */
  page?: number;
  pageSize?: number;
  total?: number;
  onPageChange?: (page: number, pageSize: number) => void;
  /** `field` ascending, `-field` descending, undefined for the server's default. */
  sort?: string;
  onSortChange?: (sort: string | undefined) => void;
  onRowClick?: (row: T) => void;
  rowSelection?: TableProps<T>['rowSelection'];
  rowClassName?: (row: T) => string;
  expandable?: TableProps<T>['expandable'];
}

// Clicks on a link or control inside a row do their own thing, not "open the row".
const fromControl = (e: MouseEvent) => !!(e.target as HTMLElement).closest('a, button, input, label, .ant-checkbox-wrapper');

/** The one list component: an antd Table on desktop, a stack of wrapping cards on a phone. */
export function DataList<T extends object>(props: DataListProps<T>) {
  const { label, rows, rowKey, columns, renderCard, loading, page, pageSize, total, onPageChange, sort, onSortChange, onRowClick } = props;
  const t = useT();
  const phone = useIsPhone();
  const wrapper = useRef<HTMLDivElement>(null);

  // A wide table scrolls sideways; keyboard users can only scroll what can take focus (WCAG 2.1.1).
  useEffect(() => {
    wrapper.current?.querySelectorAll<HTMLElement>('.ant-table-content').forEach((el) => {
      const attrs = { tabindex: '0', role: 'region', 'aria-label': label };
      const scrolls = el.scrollWidth > el.clientWidth;
      for (const [k, v] of Object.entries(attrs)) {
        if (scrolls) el.setAttribute(k, v);
        else el.removeAttribute(k);
      }
    });
  });

  if (phone && renderCard) {
    return (
      <Spin spinning={!!loading}>
        {rows && rows.length === 0 ? (
          <Empty description={t('common.empty')} />
        ) : (
          <ul className="tx-cards" aria-label={label}>
            {rows?.map((row) => (
              <li key={rowKey(row)} className={props.rowClassName?.(row)}>
                <div
                  className={onRowClick ? 'tx-card tx-card-clickable' : 'tx-card'}
                  onClick={onRowClick ? (e) => !fromControl(e) && onRowClick(row) : undefined}
                >
                  {renderCard(row)}
                </div>
              </li>
            ))}
          </ul>
        )}
        {onPageChange && <PhonePager page={page ?? 1} pageSize={pageSize ?? 20} total={total ?? 0} onChange={onPageChange} />}
      </Spin>
    );
  }

  const sorted = columns.map((c) =>
    c.sorter === true && c.key
      ? { ...c, sortOrder: sort === c.key ? ('ascend' as const) : sort === `-${String(c.key)}` ? ('descend' as const) : null }
      : c,
  );
  const onChange: TableProps<T>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || !onSortChange) return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T>;
    onSortChange(s.order ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined);
  };

  return (
    <div ref={wrapper}>
      <Table<T>
        className="tx-table"
        rowKey={(r) => rowKey(r) as Key}
        columns={sorted}
        dataSource={rows}
        loading={loading}
        onChange={onChange}
        rowSelection={props.rowSelection}
        rowClassName={props.rowClassName}
        expandable={props.expandable}
        // With scroll.x antd adds a hidden measuring row that copies the header, select-all checkbox
        // included, which axe reports as a focusable element inside aria-hidden; selection lists skip it.
        scroll={props.rowSelection ? undefined : { x: 'max-content' }}
        onRow={onRowClick ? (row) => ({ onClick: (e) => !fromControl(e) && onRowClick(row), className: 'tx-row-clickable' }) : undefined}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        pagination={
          onPageChange
            ? {
                current: page,
                pageSize,
                total,
                showSizeChanger: true,
                showTotal: (n) => t('common.total', { n }),
                onChange: onPageChange,
              }
            : { pageSize: 50, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), hideOnSinglePage: true }
        }
      />
    </div>
  );
}
