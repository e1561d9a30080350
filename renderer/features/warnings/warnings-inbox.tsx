import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningListItem } from '../../../shared/contract';
import { todayOf } from '../../../shared/domain/clock';
import { useClock } from '../../clock/clock-context';
import { DeadlineBadge } from '../../components/deadline-badge';
import { WarningLevelBadge } from '../../components/warning-level';
import { useAppStore } from '../../stores/app-store-context';
import { formatRoute } from '../../stores/route';
import { formatInboxQuery, INBOX_PAGE_SIZE, type InboxQuery } from './inbox-query';
import { formatUsd, measureTitle, targetName } from './warning-words';

interface Props {
  query: InboxQuery;
  items: WarningListItem[];
  total: number;
  /** `fromKeys`: the keyboard moved, so the list keeps the keys after the address changes. */
  onChange: (next: InboxQuery, fromKeys?: boolean) => void;
}

/** A warning's address: the inbox with its filters, and the warning open beside it. */
export function warningHref(query: InboxQuery, uid: string): string {
  return formatRoute({ section: 'warnings', id: null, query: formatInboxQuery({ ...query, uid }) });
}

/**
 * The inbox's rows, one page at a time, with the keys analysts use in mail: j/k or the arrows
 * move the selection (opening the warning beside the list), Enter moves into the open warning.
 */
export function WarningsInbox({ query, items, total, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const clock = useClock();
  const today = todayOf(clock);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const k = 'warningsUi.inbox';
  const selected = items.findIndex((x) => x.uid === query.uid);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));

  useEffect(() => {
    if (selected < 0) return;
    const row = bodyRef.current?.querySelectorAll<HTMLElement>('tr')[selected];
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  const open = (uid: string, fromKeys = false): void => onChange({ ...query, uid }, fromKeys);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey || items.length === 0) return;
    const down = event.key === 'j' || event.key === 'ArrowDown';
    const up = event.key === 'k' || event.key === 'ArrowUp';
    if (down || up) {
      event.preventDefault();
      const from = selected < 0 ? (down ? -1 : items.length) : selected;
      const next = Math.min(items.length - 1, Math.max(0, from + (down ? 1 : -1)));
      open(items[next]!.uid, true);
    } else if (event.key === 'Enter' && selected >= 0) {
      event.preventDefault();
      document.getElementById('warning-detail')?.focus();
    }
  };
  const onRowClick = (event: MouseEvent, uid: string): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(uid);
  };

  return (
    <div className="warnings-inbox" tabIndex={0} onKeyDown={onKeyDown} aria-label={t(`${k}.label`)} aria-describedby="warnings-inbox-keys" data-testid="warnings-inbox">
      <p className="warnings-inbox-meta">
        <span>{t(`${k}.total`, { total })}</span> <span id="warnings-inbox-keys" className="muted">{t(`${k}.keys`)}</span>
      </p>
      {items.length === 0 ? (
        <p className="empty-line">{t(`${k}.empty`)}</p>
      ) : (
        <table className="warnings-table">
          <thead>
            <tr>
              <th>{t(`${k}.columns.level`)}</th>
              <th>{t(`${k}.columns.score`)}</th>
              <th>{t(`${k}.columns.measure`)}</th>
              <th>{t(`${k}.columns.target`)}</th>
              <th>{t(`${k}.columns.match`)}</th>
              <th>{t(`${k}.columns.value`)}</th>
              <th>{t(`${k}.columns.deadline`)}</th>
              <th>{t(`${k}.columns.state`)}</th>
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {items.map((x) => (
              <tr key={x.uid} className={x.uid === query.uid ? 'selected' : undefined} aria-selected={x.uid === query.uid} data-uid={x.uid}>
                <td>
                  <WarningLevelBadge level={x.level} overridden={x.overridden} />
                </td>
                <td className="num">{x.score}</td>
                <td>
                  <a href={warningHref(query, x.uid)} onClick={(e) => onRowClick(e, x.uid)}>
                    <span className="symbols">{x.measure.symbols.join(' ')}</span>
                    <span className="warning-title">{measureTitle(x, locale)}</span>
                  </a>
                </td>
                <td>
                  {targetName(x.target, locale)}
                  {x.target.kind === 'enterprise' ? <span className="muted credit-code"> {x.target.creditCode}</span> : null}
                </td>
                <td>
                  <span className={`match-label match-${x.match}`}>{t(`warningWords.match.${x.match}`)}</span>
                </td>
                <td className="num">{x.valueUsd === null ? <span className="muted">{t(`${k}.unknown`)}</span> : t(`${k}.usd`, { value: formatUsd(x.valueUsd, locale) })}</td>
                <td>
                  <DeadlineBadge deadline={x.nextDeadline} today={today} />
                </td>
                <td>{t(`warningWords.states.${x.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav className="pager">
          <button type="button" disabled={query.page <= 1} onClick={() => onChange({ ...query, page: query.page - 1, uid: null })}>
            {t(`${k}.previous`)}
          </button>
          <span>{t(`${k}.page`, { page: query.page, pages })}</span>
          <button type="button" disabled={query.page >= pages} onClick={() => onChange({ ...query, page: query.page + 1, uid: null })}>
            {t(`${k}.next`)}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
