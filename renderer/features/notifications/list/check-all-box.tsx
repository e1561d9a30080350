import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TRIAGE_BATCH } from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { toErrorInfo } from '../../../stores/error-info';
import { useListStore, useListStoreApi } from '../../../stores/notification-list-context';

/**
 * Tick every notification the list matches (its query, filters and sort), when one batch may
 * change them all; otherwise say how many match and tick nothing.
 */
export function useCheckAll(): () => Promise<void> {
  const { t } = useTranslation();
  const store = useListStoreApi();
  const notify = useAppStore((s) => s.notify);
  return useCallback(async () => {
    try {
      const result = await store.getState().checkAll();
      if ('tooMany' in result) {
        const key = result.atLeast ? 'list.batch.tooManyMatchesAtLeast' : 'list.batch.tooManyMatches';
        notify(t(key, { count: result.tooMany, max: MAX_TRIAGE_BATCH }));
      }
    } catch (e) {
      notify(t('list.batch.checkAllFailed', { message: toErrorInfo(e).message }));
    }
  }, [store, notify, t]);
}

/** In the list's header: ticks every match (as Ctrl+A does), or unticks them all when some are ticked. */
export function CheckAllBox() {
  const { t } = useTranslation();
  const ticked = useListStore((s) => s.checked.size);
  const total = useListStore((s) => (s.data.exact ? s.data.total : null));
  const clearChecked = useListStore((s) => s.clearChecked);
  const checkAll = useCheckAll();
  const ref = useRef<HTMLInputElement>(null);
  const all = ticked > 0 && total !== null && ticked >= total;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = ticked > 0 && !all;
  }, [ticked, all]);
  const label = ticked > 0 ? t('list.batch.uncheckAll') : t('list.batch.checkAll', { max: MAX_TRIAGE_BATCH });
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      checked={all}
      disabled={total === 0}
      aria-label={label}
      title={label}
      onChange={() => (ticked > 0 ? clearChecked() : void checkAll())}
    />
  );
}
