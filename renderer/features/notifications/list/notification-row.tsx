import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationListItem } from '../../../../shared/contract';
import { DeadlineBadge } from '../../../components/deadline-badge';
import { fromFirstHit, HighlightText } from '../../../components/highlight-text';
import { formatDate } from '../../../i18n/format-date';
import { useAppStore } from '../../../stores/app-store-context';
import { formatRoute } from '../../../stores/route';
import { useMemberLabel } from '../member-label';

export const COLUMN_COUNT = 7;

interface RowProps {
  item: NotificationListItem;
  index: number;
  selected: boolean;
  /** Ticked for a batch change. */
  checked: boolean;
  onCheck: (id: number) => void;
  height: number;
  today: string;
  onOpen: (event: MouseEvent, item: NotificationListItem, index: number) => void;
}

/**
 * One notification. In Chinese the translated title leads when there is one, the original below
 * it; in English the notification's own title leads and the translation follows. Titles keep to
 * one line each, so a hit far into a long title is brought into view (fromFirstHit).
 */
export const NotificationRow = memo(function NotificationRow({ item, index, selected, checked, onCheck, height, today, onOpen }: RowProps) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const memberLabel = useMemberLabel();
  const h = item.highlight;
  const zhFirst = locale === 'zh-CN' && item.titleZh !== null && item.titleZh !== '';
  const tooltip = item.titleZh ? (zhFirst ? `${item.titleZh}\n${item.title}` : `${item.title}\n${item.titleZh}`) : item.title;
  return (
    <tr
      className={selected ? 'list-row list-row-selected' : 'list-row'}
      style={{ height }}
      aria-current={selected ? 'true' : undefined}
      aria-rowindex={index + 2}
      data-index={index}
      onClick={(event) => onOpen(event, item, index)}
    >
      <td className="cell-symbol">
        {/* Space ticks the selected row from the keyboard; the box itself stays out of the tab order. */}
        <input
          type="checkbox"
          className="row-check"
          checked={checked}
          tabIndex={-1}
          aria-label={t('list.batch.check', { symbol: item.symbol })}
          onClick={(event) => event.stopPropagation()}
          onChange={() => onCheck(item.id)}
        />
        {/* A real link for Ctrl+click; a plain click is handled by the row, keyboard users move with the arrows. */}
        <a href={formatRoute({ section: 'notifications', id: item.id })} tabIndex={-1}>
          {item.symbol}
        </a>
        <span className="cell-symbol-meta">
          <span className={`badge badge-${item.area.toLowerCase()}`}>{item.area}</span>
          {item.docType === 'regular' ? null : <span className="badge">{t(`notifications.docType.${item.docType}`)}</span>}
        </span>
      </td>
      <td className="cell-member">{memberLabel(item.memberCode, { zh: item.memberName, en: item.memberNameEn })}</td>
      <td className="cell-title" title={tooltip}>
        {zhFirst ? (
          <span className="title-zh" lang="zh-CN">
            <HighlightText segments={h?.titleZh && fromFirstHit(h.titleZh, 8)} fallback={item.titleZh ?? ''} />
          </span>
        ) : null}
        <span className={zhFirst ? 'title-original' : 'title-main'}>
          <HighlightText segments={h?.title && fromFirstHit(h.title, 30)} fallback={item.title} />
        </span>
        {item.titleZh && !zhFirst ? (
          <span className="title-translation" lang="zh-CN">
            <HighlightText segments={h?.titleZh && fromFirstHit(h.titleZh, 8)} fallback={item.titleZh} />
          </span>
        ) : null}
        {h?.snippet ? (
          <span className="title-snippet">
            <HighlightText segments={fromFirstHit(h.snippet)} fallback="" />
          </span>
        ) : null}
      </td>
      <td className="cell-date">{formatDate(item.distributionDate, locale)}</td>
      <td className="cell-deadline">
        <span className="cell-deadline-date">{formatDate(item.commentDeadline, locale)}</span>
        <DeadlineBadge deadline={item.commentDeadline} today={today} />
      </td>
      <td className="cell-status">
        <span className={`status status-${item.status}`}>{t(`notifications.detail.triage.statuses.${item.status}`)}</span>
      </td>
      <td className="cell-relevance">
        {item.relevance ? (
          <span className={`relevance relevance-${item.relevance}`}>{t(`notifications.detail.triage.relevances.${item.relevance}`)}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
});

/** A row whose page is still on its way: same height, so the scrollbar does not jump. */
export function PlaceholderRow({ height, index }: { height: number; index: number }) {
  return (
    <tr className="list-row list-row-loading" style={{ height }} aria-rowindex={index + 2} aria-busy="true">
      <td colSpan={COLUMN_COUNT}>
        <span className="skeleton" />
      </td>
    </tr>
  );
}
