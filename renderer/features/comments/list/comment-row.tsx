import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentListItem } from '../../../../shared/contract';
import { formatDate, formatDateTime } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';
import { CommentMarks, DeadlineDates, RiskBadge, StatusBadge } from './risk-badge';

export function CommentRow({ item }: { item: CommentListItem }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const route = { section: 'comments', id: item.id } as const;
  const open = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };
  const members = locale === 'zh-CN' ? item.target.memberNamesZh : item.target.memberNamesEn;
  return (
    <tr className={`comment-row comment-row-${item.deadlines.risk}`}>
      <td className="cell-symbol">
        <a href={formatRoute(route)} onClick={open} className="comment-symbols">
          {item.target.symbols.map((symbol) => (
            <span key={symbol} className="comment-symbol">
              {symbol}
            </span>
          ))}
        </a>
        <span className="comment-members">{[...new Set(members)].join(locale === 'zh-CN' ? '、' : ', ')}</span>
      </td>
      <td className="cell-title">
        <span className="title-zh" lang="zh-CN">
          {item.target.titleZh ?? item.target.title}
        </span>
        <span className="title-original">{locale === 'zh-CN' ? item.titleZh : item.titleEn}</span>
        <span className="comment-row-marks">
          <span className="muted">{t('commenting.list.points', { count: item.pointCount })}</span>
          <CommentMarks item={item} />
        </span>
      </td>
      <td>
        <StatusBadge status={item.status} />
        {item.submission ? (
          <span className="cell-sub muted">{t('commenting.list.submittedOn', { date: formatDate(item.submission.date, locale) })}</span>
        ) : null}
      </td>
      <td className="cell-deadlines">
        <RiskBadge risk={item.deadlines.risk} />
        <DeadlineDates deadlines={item.deadlines} />
      </td>
      <td className="cell-member">{item.author}</td>
      <td className="cell-date">{formatDateTime(item.updatedAt, locale)}</td>
    </tr>
  );
}
