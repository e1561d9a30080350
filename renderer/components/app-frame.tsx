import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store-context';
import { ActingAsPicker, ActingAsProvider } from './acting-as';
import { formatRoute, type Section } from '../stores/route';
import { ErrorBanner } from './error-banner';
import { JobTray } from './job-tray';
import { ReadOnlyBanner } from './recovery-choices';
import { SectionErrorBoundary } from './error-boundary';
import { NavRail } from './nav-rail';
import { SectionView } from './section-view';
import { StoreHealthBanner } from './store-health-banner';
import { useSectionShortcuts } from './shortcuts';
import { ShortcutsHelp } from './shortcuts-dialog';
import { Toaster } from './toaster';
import { WarningAlerts } from './warning-alerts';

/** Navigation rail on the left, a header with the section title, the section below. */
export function AppFrame() {
  const { t } = useTranslation();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const demoLoaded = useAppStore((s) => s.appInfo?.demoLoaded ?? false);
  const mainRef = useRef<HTMLElement>(null);

  const go = useCallback((section: Section) => navigate({ section, id: null }), [navigate]);
  useSectionShortcuts(go);

  // A new section starts at its top, as a new page would.
  useEffect(() => {
    mainRef.current?.scrollTo?.({ top: 0 });
  }, [route]);

  return (
    <ActingAsProvider>
      <div className="app-frame">
        <NavRail />
        <div className="app-body">
          <header className="app-header">
            <h1 className="app-title">{t(`sections.${route.section}`)}</h1>
            <div className="app-header-meta">
              {demoLoaded ? <span className="badge badge-demo">{t('notifications.source.demo')}</span> : null}
              <ActingAsPicker />
            </div>
          </header>
          <StoreHealthBanner />
          <ReadOnlyBanner />
          <ErrorBanner />
          <WarningAlerts />
          <main className="app-main" ref={mainRef}>
            <SectionErrorBoundary key={formatRoute(route)} title={t('errors.sectionFailed')}>
              <SectionView route={route} />
            </SectionErrorBoundary>
          </main>
        </div>
        <JobTray />
        <Toaster />
        <ShortcutsHelp />
      </div>
    </ActingAsProvider>
  );
}
