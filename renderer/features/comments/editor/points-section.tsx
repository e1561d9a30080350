import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTemplate, LanguageMark } from '../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { useConfirm } from '../../../components/confirm-dialog';
import { useAppStore } from '../../../stores/app-store-context';
import { inLocale } from '../comment-format';
import { findUnfinishedMarkers } from '../../../../shared/domain/unfinished-text';
import { emptyPoint, movePoint, POINT_PARTS, fieldName } from './draft';
import { InsertTemplateMenu } from './insert-template-menu';
import { PointEditor } from './point-editor';
import type { CommentEditor } from './use-comment-editor';

/** The comment's titles and its numbered points, as the letter will list them. */
export function PointsSection({
  editor,
  onInsertTemplate,
  busy,
  onConfirmLanguage,
}: {
  editor: CommentEditor;
  onInsertTemplate: (t: CommentTemplate) => void;
  busy: boolean;
  onConfirmLanguage?: (pointKey: string, part: LanguageMark['part']) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const { confirm, dialog } = useConfirm();
  const { draft, comment, edit } = editor;
  const editable = comment.editable;
  const zhId = useId();
  const enId = useId();
  const load = useCallback(() => api.commentTemplatesList({}), [api]);
  const loaded = useLoad(load).data;
  const templates = loaded ?? [];
  const templateName = (code: string | null): string | null => {
    if (code === null) return null;
    const found = templates.find((tpl) => tpl.code === code);
    return found ? inLocale(locale, found.nameZh, found.nameEn) : code;
  };

  const remove = async (index: number): Promise<void> => {
    const point = draft.points[index];
    const written = point ? POINT_PARTS.some((part) => point[fieldName(part, 'Zh')].trim() !== '' || point[fieldName(part, 'En')].trim() !== '') : false;
    if (written) {
      const ok = await confirm({
        title: t('commenting.editor.removeConfirm.title', { n: index + 1 }),
        body: t('commenting.editor.removeConfirm.body'),
        confirmLabel: t('commenting.editor.removeConfirm.confirm'),
        danger: true,
      });
      if (!ok) return;
    }
    edit((d) => ({ ...d, points: d.points.filter((_, i) => i !== index) }));
  };

  return (
    <section className="comment-content" aria-label={t('commenting.editor.content')}>
      <div className="title-pair">
        <TitleField id={zhId} label={t('commenting.editor.titleZh')} lang="zh-CN" value={draft.titleZh} editable={editable} onChange={(titleZh) => edit((d) => ({ ...d, titleZh }))} />
        <TitleField id={enId} label={t('commenting.editor.titleEn')} lang="en" value={draft.titleEn} editable={editable} onChange={(titleEn) => edit((d) => ({ ...d, titleEn }))} />
      </div>
      {!editable ? <p className="hint">{t('commenting.editor.readOnly')}</p> : null}
      {draft.points.length === 0 ? <p className="muted points-empty">{t('commenting.editor.noPoints')}</p> : null}
      {draft.points.map((point, index) => (
        <PointEditor
          key={point.uid}
          point={point}
          index={index}
          count={draft.points.length}
          editable={editable}
          templateName={templateName(point.templateCode)}
          marks={point.key === null ? [] : comment.languageMarks.filter((m) => m.pointKey === point.key)}
          onConfirmLanguage={onConfirmLanguage && point.key !== null && !busy ? (part) => onConfirmLanguage(point.key ?? '', part) : undefined}
          onChange={(field, value) => edit((d) => ({ ...d, points: d.points.map((p) => (p.uid === point.uid ? { ...p, [field]: value } : p)) }))}
          onMove={(by) => edit((d) => ({ ...d, points: movePoint(d.points, index, by) }))}
          onRemove={() => void remove(index)}
        />
      ))}
      {editable ? (
        <div className="points-actions">
          <button type="button" className="button" onClick={() => edit((d) => ({ ...d, points: [...d.points, emptyPoint()] }))}>
            {t('commenting.editor.addPoint')}
          </button>
          <InsertTemplateMenu templates={loaded} disabled={busy} onInsert={onInsertTemplate} />
        </div>
      ) : null}
      {dialog}
    </section>
  );
}

/** A title box, marked like a point's field while it still holds "to be completed" text. */
function TitleField({
  id,
  label,
  lang,
  value,
  editable,
  onChange,
}: {
  id: string;
  label: string;
  lang: string;
  value: string;
  editable: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const markers = findUnfinishedMarkers(value).map((m) => m.marker);
  const unfinished = markers.length > 0;
  const warningId = `${id}-unfinished`;
  return (
    <div className={unfinished ? 'form-row point-cell-unfinished' : 'form-row'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={unfinished ? 'point-text' : undefined}
        type="text"
        lang={lang}
        value={value}
        readOnly={!editable}
        maxLength={500}
        aria-invalid={unfinished || undefined}
        aria-describedby={unfinished ? warningId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {unfinished ? (
        <p className="field-unfinished" id={warningId}>
          {t('commentChecks.unfinished.field', { markers: markers.join(' ') })}
        </p>
      ) : null}
    </div>
  );
}
