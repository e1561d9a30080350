import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../../shared/contract';
import { DeadlineBadge } from '../../../components/deadline-badge';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';
import { joinSymbols } from '../comment-format';
import { CommentMarks, RiskBadge, StatusBadge } from '../list/risk-badge';

/** What the comment is about, where it stands, and its deadlines; `actions` go on the right. */
export function EditorHeader({ comment, actions }: { comment: Comment; actions: ReactNode }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const { target, deadlines } = comment;
  const members = [...new Set(locale === 'zh-CN' ? target.memberNamesZh : target.memberNamesEn)];
  const notificationId = target.notificationId;
  const openNotification = (event: MouseEvent): void => {
    if (notificationId === null || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate({ section: 'notifications', id: notificationId });
  };
  return (
    <header className="comment-header">
      <div className="comment-header-main">
        <div className="detail-header">
          <h2 className="detail-symbol" id="comment-symbol">
            {notificationId !== null ? (
              <a href={formatRoute({ section: 'notifications', id: notificationId })} onClick={openNotification}>
                {joinSymbols(target.symbols, locale)}
              </a>
            ) : (
              joinSymbols(target.symbols, locale)
            )}
          </h2>
          <span className={`badge badge-${target.area.toLowerCase()}`}>{target.area}</span>
          <StatusBadge status={comment.status} />
          <RiskBadge risk={deadlines.risk} />
          <CommentMarks item={comment} />
        </div>
        <p className="detail-title" lang="zh-CN">
          {target.titleZh ?? target.title}
        </p>
        {target.titleZh ? <p className="detail-title-original">{target.title}</p> : null}
        <p className="comment-facts muted">
          <span>{members.join(locale === 'zh-CN' ? '、' : ', ')}</span>
          {deadlines.finalDate ? (
            <>
              <span>{t('commenting.list.internal', { date: formatDate(deadlines.internalDeadline, locale) })}</span>
              <span>
                {t('commenting.list.final', { date: formatDate(deadlines.finalDate, locale) })} <DeadlineBadge deadline={deadlines.finalDate} />
              </span>
            </>
          ) : null}
          <span>{t('commenting.editor.author', { name: comment.author })}</span>
          {comment.submission ? (
            <span>
              {t('commenting.editor.submitted', {
                date: formatDate(comment.submission.date, locale),
                channel: t(`commenting.workflow.channels.${comment.submission.channel}`),
                reference: comment.submission.reference || '—',
              })}
            </span>
          ) : null}
        </p>
        {comment.reply ? (
          <p className="comment-reply">
            <strong>{t('commenting.editor.reply', { date: formatDate(comment.reply.date, locale) })}</strong> {comment.reply.summary}
          </p>
        ) : null}
      </div>
      <div className="comment-header-actions">{actions}</div>
    </header>
  );
}
