import { useTranslation } from 'react-i18next';
import type { Section } from '../stores/route';
import { EmptyState } from './empty-state';

type PlannedSection = Extract<Section, 'comments' | 'warnings' | 'enterprises' | 'reports'>;

/** Sections not built yet say what they will hold instead of showing a blank page. */
export function ComingSoon({ section }: { section: PlannedSection }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('placeholder.title', { section: t(`sections.${section}`) })}>{t(`placeholder.${section}`)}</EmptyState>
  );
}
