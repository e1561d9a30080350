import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute, type Route } from '../../stores/route';

const TABS = [
  { view: undefined, label: 'list' },
  { view: 'stats', label: 'stats' },
  { view: 'trade-concerns', label: 'tradeConcerns' },
  { view: 'templates', label: 'templates' },
] as const;

/** Tabs of the comments section and who is acting; the same bar over every comments page. */
export function CommentsHeader({ route }: { route: Route }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  // A comment and the new-comment dialog belong to the list tab.
  const current = route.view === 'new' || route.id !== null ? undefined : route.view;

  const go = (event: MouseEvent, target: Route): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(target);
  };

  return (
    <div className="comments-header">
      <nav className="comments-tabs" aria-label={t('commenting.tabs.label')}>
        {TABS.map((tab) => {
          const target: Route = tab.view ? { section: 'comments', id: null, view: tab.view } : { section: 'comments', id: null };
          return (
            <a
              key={tab.label}
              className="comments-tab"
              href={formatRoute(target)}
              aria-current={current === tab.view ? 'page' : undefined}
              onClick={(event) => go(event, target)}
            >
              {t(`commenting.tabs.${tab.label}`)}
            </a>
          );
        })}
      </nav>
    </div>
  );
}
