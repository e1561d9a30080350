import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationListItem, SortKey } from '../../../../shared/contract';
import { useToday } from '../../../clock/clock-context';
import { isPlainClick } from '../../../components/shortcuts';
import { useListStore, useListStoreApi } from '../../../stores/notification-list-context';
import { effectiveSort, PAGE_SIZE, rowAt } from '../../../stores/notification-list-store';
import { CheckAllBox } from './check-all-box';
import { COLUMN_COUNT, NotificationRow, PlaceholderRow } from './notification-row';

/** Fixed heights keep 100,000 rows cheap: no row is measured. Search results add a snippet line. */
const ROW_HEIGHT = 62;
const ROW_HEIGHT_SEARCH = 84;
/** The sticky header; rows start below it. Matches .list-table th in records CSS. */
const HEADER_HEIGHT = 38;

/** What the search box and the page shortcuts may do with the table. */
export interface TableHandle {
  move(delta: number): void;
  openSelected(): void;
  focus(): void;
}

type ColumnKey = 'symbol' | 'member' | 'title' | 'distributed' | 'deadline' | 'status' | 'relevance';
const COLUMNS: Array<{ key: ColumnKey; sort: SortKey }> = [
  { key: 'symbol', sort: 'symbol' },
  { key: 'member', sort: 'memberCode' },
  { key: 'title', sort: 'title' },
  { key: 'distributed', sort: 'distributionDate' },
  { key: 'deadline', sort: 'commentDeadline' },
  { key: 'status', sort: 'status' },
  { key: 'relevance', sort: 'relevance' },
];

function SortHeader({ column, sort, lead }: { column: ColumnKey; sort: SortKey; lead?: ReactNode }) {
  const { t } = useTranslation();
  const current = useListStore((s) => effectiveSort(s));
  const direction = useListStore((s) => s.direction);
  const sortBy = useListStore((s) => s.sortBy);
  const active = current === sort;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" className={`col-${column}`} aria-sort={ariaSort}>
      {lead}
      <button type="button" className="sort-button" onClick={() => sortBy(sort)} title={t('list.sortHint')}>
        {t(`notifications.columns.${column}`)}
        <span className="sort-mark" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The notification list as a virtualised table: only the rows in view exist in the page, pages
 * of 200 are fetched as they scroll into view, and the scroll position and keyboard selection
 * live in the list store so they survive a visit to a record.
 */
export function NotificationTable({ onOpen, handleRef }: { onOpen: (item: NotificationListItem) => void; handleRef?: Ref<TableHandle> }) {
  const { t } = useTranslation();
  const store = useListStoreApi();
  const data = useListStore((s) => s.data);
  const selected = useListStore((s) => s.selected);
  const checked = useListStore((s) => s.checked);
  const toggleChecked = useListStore((s) => s.toggleChecked);
  const searching = useListStore((s) => s.query.trim() !== '');
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = data.total === null ? 0 : data.rowCount;
  const rowHeight = searching ? ROW_HEIGHT_SEARCH : ROW_HEIGHT;
  const today = useToday();

  // The app is not built with React Compiler, so nothing here relies on memoizing the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: () => store.getState().scrollTop,
    // Before the element is measured, assume a window-high viewport, so the first render has rows.
    initialRect: { width: 0, height: window.innerHeight },
  });

  // The estimate is only read again after measure(): a search adds the snippet line.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // A new query, filter or sort starts at the top.
  const key = data.key;
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    virtualizer.scrollToOffset(0);
  }, [virtualizer, key]);

  // Back from a record (perhaps several records on, with previous / next), the selected row is
  // brought into view if the restored scroll position does not show it.
  useEffect(() => {
    const at = store.getState().selected;
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [store, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE);
  useEffect(() => {
    const pages: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) pages.push(p);
    store.getState().ensurePages(pages);
  }, [store, firstPage, lastPage, key, data.generation]);

  const move = useCallback(
    (delta: number) => {
      const { selected: current, data: now } = store.getState();
      const total = now.total === null ? 0 : now.rowCount;
      if (total === 0) return;
      const base = current < 0 ? (delta > 0 ? -1 : total) : current;
      const next = Math.min(total - 1, Math.max(0, base + delta));
      store.getState().select(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [store, virtualizer],
  );

  const openSelected = useCallback(() => {
    const { selected: current, data: now } = store.getState();
    const item = current >= 0 ? rowAt(now, current) : undefined;
    if (item) onOpen(item);
  }, [store, onOpen]);

  useImperativeHandle(handleRef, () => ({ move, openSelected, focus: () => scrollRef.current?.focus({ preventScroll: true }) }), [move, openSelected]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(Number.isFinite(step) ? step : step > 0 ? count : -count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openSelected();
    } else if (event.key === ' ') {
      event.preventDefault();
      const { selected: current, data: now } = store.getState();
      const item = current >= 0 ? rowAt(now, current) : undefined;
      if (item) toggleChecked(item.id);
    }
  };

  const onRowClick = useCallback(
    (event: MouseEvent, item: NotificationListItem, index: number) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      store.getState().select(index);
      onOpen(item);
    },
    [store, onOpen],
  );

  // The spacers always add up to the full height: restoring a deep scroll position needs the
  // content to be that tall from the first render on.
  const paddingTop = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? HEADER_HEIGHT);

  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('list.scrollLabel')}
      onKeyDown={onKeyDown}
      onScroll={(event) => store.getState().setScrollTop(event.currentTarget.scrollTop)}
    >
      <table className="data-table list-table" aria-label={t('notifications.tableLabel')} aria-rowcount={count + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} className={`col-${c.key}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c.key} sort={c.sort} lead={c.key === 'symbol' ? <CheckAllBox /> : undefined} />
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr className="list-spacer" aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          ) : null}
          {items.map((v) => {
            const item = rowAt(data, v.index);
            return item ? (
              <NotificationRow
                key={v.index}
                item={item}
                index={v.index}
                selected={v.index === selected}
                checked={checked.has(item.id)}
                onCheck={toggleChecked}
                height={rowHeight}
                today={today}
                onOpen={onRowClick}
              />
            ) : (
              <PlaceholderRow key={`placeholder-${v.index}`} index={v.index} height={rowHeight} />
            );
          })}
          {paddingBottom > 0 ? (
            <tr className="list-spacer" aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
