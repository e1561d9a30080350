import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApplePlatform, shortcutAria, shortcutLabel } from '../../../components/shortcuts';
import { useAppStore } from '../../../stores/app-store-context';
import { useListStore, useListStoreApi } from '../../../stores/notification-list-context';
import { PAGE_SIZE, rowAt, type ListData } from '../../../stores/notification-list-store';

/** Where record `id` sits in the list as last shown: the selected row, or found among the loaded pages. */
function indexOf(data: ListData, selected: number, id: number): number {
  if (selected >= 0 && rowAt(data, selected)?.id === id) return selected;
  for (const [page, items] of Object.entries(data.pages)) {
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) return Number(page) * PAGE_SIZE + at;
  }
  return -1;
}

/** The keys for the previous and next record: Ctrl+, and Ctrl+. (⌘ on Apple keyboards). */
export function stepForKey(event: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): -1 | 1 | 0 {
  const mod = isApplePlatform() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey || event.shiftKey) return 0;
  // By key position: with Chinese punctuation on, the keys type ， and 。
  return event.code === 'Period' ? 1 : event.code === 'Comma' ? -1 : 0;
}

/**
 * "‹ 3 of 17 ›" above a record opened from the list: the previous and next notification in the
 * list's order (its query, filters and sort), so a queue is triaged without going back each
 * time. The list is read as it was last shown; a record saved meanwhile keeps its place until
 * the list is open again. Leaving asks about unsaved edits, as any other way out does.
 */
export function RecordStepper({ id }: { id: number }) {
  const { t } = useTranslation();
  const store = useListStoreApi();
  const data = useListStore((s) => s.data);
  const selected = useListStore((s) => s.selected);
  const navigate = useAppStore((s) => s.navigate);
  const index = indexOf(data, selected, id);
  const count = data.total === null ? 0 : data.rowCount;

  // Back in the list, the selection is on the record last shown.
  useEffect(() => {
    if (index >= 0 && index !== store.getState().selected) store.getState().select(index);
  }, [store, index]);

  // A neighbour on a page not fetched yet (the list only fetches what it shows) is asked for.
  // Pages already here are not fetched again: the order stays the one the analyst saw.
  useEffect(() => {
    if (index < 0) return;
    const missing = [index - 1, index + 1]
      .filter((i) => i >= 0 && i < count)
      .map((i) => Math.floor(i / PAGE_SIZE))
      .filter((page) => store.getState().data.pages[page] === undefined);
    if (missing.length > 0) store.getState().ensurePages(missing);
  }, [store, index, count]);

  const previous = index > 0 ? rowAt(data, index - 1) : undefined;
  const next = index >= 0 ? rowAt(data, index + 1) : undefined;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const step = stepForKey(event);
      if (step === 0 || event.defaultPrevented) return;
      event.preventDefault();
      const target = step > 0 ? next : previous;
      if (target) navigate({ section: 'notifications', id: target.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, next, previous]);

  if (index < 0 || data.total === null) return null;
  const stepButton = (target: typeof next, which: 'previous' | 'next', key: ',' | '.', keyName: 'Comma' | 'Period') => {
    const label = t(`notifications.detail.stepper.${which}`);
    return (
      <button
        type="button"
        className="button button-quiet"
        disabled={!target}
        aria-keyshortcuts={shortcutAria(keyName)}
        title={t('nav.shortcut', { label, keys: shortcutLabel(key) })}
        onClick={() => target && navigate({ section: 'notifications', id: target.id })}
      >
        {which === 'previous' ? `‹ ${label}` : `${label} ›`}
      </button>
    );
  };
  return (
    <div className="record-stepper" role="group" aria-label={t('notifications.detail.stepper.label')}>
      {stepButton(previous, 'previous', ',', 'Comma')}
      <span className="record-stepper-position">
        {t(data.exact ? 'notifications.detail.stepper.position' : 'notifications.detail.stepper.positionOpen', {
          n: (index + 1).toLocaleString(),
          total: data.total.toLocaleString(),
        })}
      </span>
      {stepButton(next, 'next', '.', 'Period')}
    </div>
  );
}
