import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentTemplate } from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { inLocale } from '../comment-format';

/** "Insert template": the team's templates, each appended as a new point filled for this notification. */
export function InsertTemplateMenu({
  templates: data,
  disabled,
  onInsert,
}: {
  templates: CommentTemplate[] | undefined;
  disabled: boolean;
  onInsert: (template: CommentTemplate) => void;
}) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent): void => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      className="menu-anchor"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        {t('commenting.editor.insertTemplate')} ▾
      </button>
      {open ? (
        <div className="menu" role="menu" aria-label={t('commenting.editor.insertTemplate')}>
          {(data ?? []).map((template) => (
            <button
              key={template.id}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                setOpen(false);
                onInsert(template);
              }}
            >
              <span>{inLocale(locale, template.nameZh, template.nameEn)}</span>
              <span className="muted menu-item-note">{template.code}</span>
            </button>
          ))}
          {data && data.length === 0 ? <p className="muted menu-empty">{t('commenting.editor.noTemplates')}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
