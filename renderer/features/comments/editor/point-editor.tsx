import { useTranslation } from 'react-i18next';
import type { LanguageMark, PointTextField } from '../../../../shared/contract';
import { findUnfinishedMarkers } from '../../../../shared/domain/unfinished-text';
import { fieldName, POINT_PARTS, type DraftPoint } from './draft';

interface Props {
  point: DraftPoint;
  index: number;
  count: number;
  editable: boolean;
  templateName: string | null;
  onChange: (field: PointTextField, value: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** Sides of this point that may be out of date since the other language was rewritten. */
  marks?: readonly LanguageMark[];
  onConfirmLanguage?: (part: LanguageMark['part']) => void;
}

/**
 * One numbered point: clause, concern, proposed change and rationale, the Chinese draft beside
 * the English text that goes out, so a translator can work across one row at a time.
 */
export function PointEditor({ point, index, count, editable, templateName, onChange, onMove, onRemove, marks = [], onConfirmLanguage }: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const heading = t('commenting.editor.point', { n });
  return (
    <section className="point" aria-label={heading}>
      <header className="point-header">
        <h3 className="point-title">{heading}</h3>
        {templateName ? <span className="badge">{t('commenting.editor.fromTemplate', { name: templateName })}</span> : null}
        <span className="toolbar-spacer" />
        {editable ? (
          <>
            <button type="button" className="button button-quiet" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('commenting.editor.moveUp', { n })}>
              ↑
            </button>
            <button type="button" className="button button-quiet" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('commenting.editor.moveDown', { n })}>
              ↓
            </button>
            <button type="button" className="button button-link button-link-danger" onClick={onRemove}>
              {t('commenting.editor.removePoint')}
            </button>
          </>
        ) : null}
      </header>
      <div className="point-grid">
        <span />
        <span className="lang-head" lang="zh-CN">
          {t('commenting.editor.zh')}
        </span>
        <span className="lang-head" lang="en">
          {t('commenting.editor.en')}
        </span>
        {POINT_PARTS.map((part) => {
          const label = t(`commenting.editor.parts.${part}`);
          return (
            <div key={part} className="point-row" role="group" aria-label={label}>
              <span className="point-part">{label}</span>
              {(['Zh', 'En'] as const).map((language) => {
                const field = fieldName(part, language);
                const aria = t(`commenting.editor.fieldLabel${language}`, { n, part: label });
                const markers = findUnfinishedMarkers(point[field]).map((m) => m.marker);
                const warningId = `${point.uid}-${field}-unfinished`;
                const unfinished = markers.length > 0;
                const stale = editable ? marks.find((m) => m.part === part && m.stale === (language === 'Zh' ? 'zh' : 'en')) : undefined;
                const cellClass = ['point-cell', unfinished ? 'point-cell-unfinished' : '', stale ? 'point-cell-stale' : ''].filter(Boolean).join(' ');
                return (
                  <div key={field} className={cellClass}>
                    {editable ? (
                      <textarea
                        className="point-text"
                        lang={language === 'Zh' ? 'zh-CN' : 'en'}
                        aria-label={aria}
                        aria-invalid={unfinished || undefined}
                        aria-describedby={unfinished ? warningId : undefined}
                        rows={2}
                        value={point[field]}
                        onChange={(e) => onChange(field, e.target.value)}
                      />
                    ) : (
                      <div className="point-text point-text-read" lang={language === 'Zh' ? 'zh-CN' : 'en'} aria-label={aria}>
                        {point[field] || '—'}
                      </div>
                    )}
                    {/* A textarea cannot colour part of its text, so the placeholder is named under the field. */}
                    {unfinished ? (
                      <p className="field-unfinished" id={warningId}>
                        {t('commentChecks.unfinished.field', { markers: markers.join(' ') })}
                      </p>
                    ) : null}
                    {stale ? (
                      <p className="field-stale" role="status">
                        <span>{t(`commentChecks.language.mark.${stale.stale}`, { name: stale.markedBy })}</span>{' '}
                        {onConfirmLanguage ? (
                          <button type="button" className="button button-link" onClick={() => onConfirmLanguage(part)}>
                            {t('commentChecks.language.confirm')}
                          </button>
                        ) : null}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}
