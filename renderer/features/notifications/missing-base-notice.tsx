import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';
import { useListStoreApi } from '../../stores/notification-list-context';

/**
 * A follow-up whose base notification is not in the store says so, and offers to look for the
 * base: the notification list opens with the base symbol as its only query (filters cleared, so
 * none of them hides it).
 */
export function MissingBaseNotice({ baseSymbol }: { baseSymbol: string }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const list = useListStoreApi();
  const k = 'importOutcomes.missingBase';
  const search = (): void => {
    list.getState().applySearch({ query: baseSymbol, direction: 'desc' });
    navigate({ section: 'notifications', id: null });
  };
  return (
    <div className="missing-base" role="note" aria-label={t(`${k}.label`)}>
      <p>{t(`${k}.text`, { symbol: baseSymbol })}</p>
      <button type="button" className="button" onClick={search}>
        {t(`${k}.search`, { symbol: baseSymbol })}
      </button>
    </div>
  );
}
