import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationListItem } from '../../../../shared/contract';
import { EmptyState } from '../../../components/empty-state';
import { ErrorText, InlineError } from '../../../components/error-banner';
import { isModalOpen } from '../../../components/modal';
import { isApplePlatform, isTyping, shortcutAria, shortcutLabel } from '../../../components/shortcuts';
import { useAppStore } from '../../../stores/app-store-context';
import { useListStore, useListStoreApi } from '../../../stores/notification-list-context';
import { activeFilters, effectiveSort } from '../../../stores/notification-list-store';
import { ExportMenu } from '../../exports/export-menu';
import type { ExportTarget } from '../../exports/use-list-export';
import { ImportDialog } from '../import/import-dialog';
import { ManualEntryDialog } from '../manual-entry/manual-entry-dialog';
import { BatchBar } from './batch-bar';
import { useCheckAll } from './check-all-box';
import { FilterPanel } from './filter-panel';
import { NotificationTable, type TableHandle } from './notification-table';
import { SaveSearchDialog, SavedSearchList } from './saved-searches';
import { SearchBox } from './search-box';

type Dialog = 'import' | 'manual' | 'save' | null;

/** Nothing has the focus: the page was opened with a shortcut, or empty space was clicked. */
function nothingFocused(target: EventTarget | null = document.activeElement): boolean {
  return target === null || target === document.body || target === document.documentElement;
}

function ListSummary({ onClearFilters }: { onClearFilters: () => void }) {
  const { t } = useTranslation();
  const data = useListStore((s) => s.data);
  const searching = useListStore((s) => s.query.trim() !== '');
  const sort = useListStore((s) => effectiveSort(s));
  const sortBy = useListStore((s) => s.sortBy);
  const filterCount = useListStore((s) => Object.keys(activeFilters(s.filters)).length);
  const total = data.total;
  return (
    <div className="list-summary">
      <span role="status" className="list-total">
        {total === null
          ? t('common.loading')
          : !data.exact
            ? t('list.totalCapped', { total: total.toLocaleString() })
            : t('notifications.total', { total: total.toLocaleString() })}
      </span>
      {searching && sort !== 'rank' ? (
        <button type="button" className="button button-link" onClick={() => sortBy('rank')}>
          {t('list.sortByRank')}
        </button>
      ) : null}
      {filterCount > 0 ? (
        <button type="button" className="button button-link" onClick={onClearFilters}>
          {t('list.clearFilters', { count: filterCount })}
        </button>
      ) : null}
      <span className="list-keys muted">{t('list.keys')}</span>
    </div>
  );
}

/** Export with the list's current request: the store keys its pages by that request as JSON. */
function NotificationsExport() {
  const key = useListStore((s) => s.data.key);
  const target = useMemo((): ExportTarget => ({ list: 'notifications', filter: JSON.parse(key) as Extract<ExportTarget, { list: 'notifications' }>['filter'] }), [key]);
  return <ExportMenu target={target} />;
}

/** The notifications workspace: search, filters, saved searches, import and the list itself. */
export function NotificationsListPage() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const store = useListStoreApi();
  const data = useListStore((s) => s.data);
  const searching = useListStore((s) => s.query.trim() !== '');
  const filterCount = useListStore((s) => Object.keys(activeFilters(s.filters)).length);
  const clearFilters = useListStore((s) => s.clearFilters);
  const [panel, setPanel] = useState<'filters' | 'saved' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const checkAll = useCheckAll();
  const tableRef = useRef<TableHandle>(null);

  const open = useCallback((item: NotificationListItem) => navigate({ section: 'notifications', id: item.id }), [navigate]);

  // The table fetches the pages it shows; while it is not shown (empty list, first load) the
  // first page still has to be asked for, or an import into an empty list would never appear.
  useEffect(() => store.getState().ensurePages([0]), [store, data.key, data.generation]);

  // Opened with Ctrl+2 (or back from a record), the list takes the keys: arrows and Enter work
  // at once, as the hint above the table says.
  useEffect(() => {
    if (nothingFocused()) tableRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (isModalOpen() || event.defaultPrevented) return;
      const mod = isApplePlatform() ? event.metaKey : event.ctrlKey;
      const plain = !mod && !event.altKey && !event.shiftKey;
      const modOnly = mod && !event.altKey && !event.shiftKey;
      if (modOnly && event.key.toLowerCase() === 'i') {
        event.preventDefault();
        setDialog('import');
      } else if (plain && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && !isTyping(event.target)) {
        // From a toolbar button or the navigation (the table handles its own keys and stops
        // them here by preventing their default).
        event.preventDefault();
        tableRef.current?.focus();
        tableRef.current?.move(event.key === 'ArrowDown' ? 1 : -1);
      } else if (plain && event.key === 'Enter' && nothingFocused(event.target)) {
        event.preventDefault();
        tableRef.current?.openSelected();
      } else if (modOnly && event.code === 'KeyA' && !isTyping(event.target)) {
        // Every match, not only the rows in view: what a batch change acts on. In a text field
        // Ctrl+A keeps selecting the field's text.
        event.preventDefault();
        void checkAll();
      } else if (event.key === '/' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape' && !isTyping(event.target) && store.getState().query !== '') {
        store.getState().setQuery('');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, checkAll]);

  const nothingAtAll = data.total === 0 && !searching && filterCount === 0;
  const clearAll = (): void => {
    clearFilters();
    store.getState().setQuery('');
  };

  let body: ReactNode;
  if (data.error && data.total === null) {
    body = (
      <div className="inline-error" role="alert">
        <ErrorText error={data.error} />
      </div>
    );
  } else if (nothingAtAll) {
    body = (
      <EmptyState
        title={t('notifications.empty.title')}
        action={
          <>
            <button type="button" className="button button-primary" onClick={() => setDialog('import')}>
              {t('importer.open')}
            </button>{' '}
            <button type="button" className="button" onClick={() => navigate({ section: 'dashboard', id: null })}>
              {t('notifications.empty.action')}
            </button>
          </>
        }
      >
        {t('notifications.empty.body')}
      </EmptyState>
    );
  } else if (data.total === 0) {
    body = (
      <EmptyState
        title={t('list.noMatch.title')}
        action={
          <button type="button" className="button" onClick={clearAll}>
            {t('list.noMatch.clear')}
          </button>
        }
      >
        {t('list.noMatch.body')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <InlineError error={data.error} />
        <NotificationTable onOpen={open} handleRef={tableRef} />
      </>
    );
  }

  return (
    <div className="list-page">
      <div className="list-toolbar">
        <SearchBox inputRef={searchRef} table={tableRef} />
        <button
          type="button"
          className={panel === 'filters' ? 'button button-toggled' : 'button'}
          aria-expanded={panel === 'filters'}
          onClick={() => setPanel(panel === 'filters' ? null : 'filters')}
        >
          {filterCount > 0 ? t('list.filtersCount', { count: filterCount }) : t('list.filtersButton')}
        </button>
        <button
          type="button"
          className={panel === 'saved' ? 'button button-toggled' : 'button'}
          aria-expanded={panel === 'saved'}
          onClick={() => setPanel(panel === 'saved' ? null : 'saved')}
        >
          {t('list.saved.title')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('save')}>
          {t('list.saved.saveCurrent')}
        </button>
        <span className="toolbar-spacer" />
        <NotificationsExport />
        <button type="button" className="button" onClick={() => setDialog('manual')}>
          {t('manual.open')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog('import')}
          aria-keyshortcuts={shortcutAria('I')}
          title={t('importer.shortcut', { keys: shortcutLabel('I') })}
        >
          {t('importer.open')}
        </button>
      </div>
      {panel === 'filters' ? <FilterPanel /> : null}
      {panel === 'saved' ? <SavedSearchList onApplied={() => setPanel(null)} /> : null}
      <BatchBar />
      <ListSummary onClearFilters={clearFilters} />
      {body}
      {dialog === 'import' ? <ImportDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'manual' ? (
        <ManualEntryDialog
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            navigate({ section: 'notifications', id });
          }}
        />
      ) : null}
      {dialog === 'save' ? <SaveSearchDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
