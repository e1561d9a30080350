import { useTranslation } from 'react-i18next';
import type { WarningLevel } from '../../shared/contract';

/** A warning's colour as a badge: 红 橙 黄 蓝, with its name for screen readers and in English. */
export function WarningLevelBadge({ level, overridden = false }: { level: WarningLevel; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`warning-level warning-level-${level}`} data-level={level}>
      {t(`warningWords.levels.${level}`)}
      {overridden ? ' *' : ''}
    </span>
  );
}
