import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store-context';
import { formatRoute, SECTIONS, type Section } from '../stores/route';
import { SectionIcon } from './icons';
import { isPlainClick, shortcutAria, shortcutLabel } from './shortcuts';

export function NavRail() {
  const { t } = useTranslation();
  const current = useAppStore((s) => s.route.section);
  const navigate = useAppStore((s) => s.navigate);

  const go = (event: MouseEvent, section: Section): void => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate({ section, id: null });
  };

  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <div className="brand">
        {/* The mark is the product's logo, the same in every language. */}
        <span className="brand-mark" aria-hidden="true">
          评议
        </span>
        <span className="brand-name" title={t('app.name')}>
          {t('app.railName')}
        </span>
      </div>
      <ul className="nav-list">
        {SECTIONS.map((section, index) => {
          const label = t(`sections.${section}`);
          const keys = shortcutLabel(index + 1);
          return (
            <li key={section} className={section === 'settings' ? 'nav-bottom' : undefined}>
              <a
                className="nav-item"
                href={formatRoute({ section, id: null })}
                aria-current={section === current ? 'page' : undefined}
                aria-keyshortcuts={shortcutAria(index + 1)}
                title={t('nav.shortcut', { label, keys })}
                onClick={(event) => go(event, section)}
              >
                <SectionIcon section={section} />
                <span className="nav-label">{label}</span>
                <kbd className="nav-kbd" aria-hidden="true">
                  {keys}
                </kbd>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
