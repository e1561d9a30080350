import type {
  ChannelOutput,
  ChannelParsedInput,
  Country,
  NotificationDetail,
  NotificationListItem,
  SortKey,
} from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { findHits, highlightSnippet, highlightText } from '../../shared/domain/search-highlight';
import { buildSearchQuery, type SearchQuery } from '../../shared/domain/search-text';

type ListInput = ChannelParsedInput<'notificationsList'>;
type UpdateManualInput = ChannelParsedInput<'notificationsUpdateManual'>;

const STATUS_ORDER = ['new', 'screening', 'assessing', 'commented', 'closed'];
const RELEVANCE_ORDER = ['high', 'medium', 'low', 'none'];

/** The same list item the backend builds, with highlights when there is a query. */
export function toListItem(n: NotificationDetail, countries: Country[], query: SearchQuery | null = null): NotificationListItem {
  const country = countries.find((c) => c.code === n.memberCode);
  const item: NotificationListItem = {
    id: n.id,
    symbol: n.symbol,
    area: n.area,
    memberCode: n.memberCode,
    docType: n.docType,
    title: n.title,
    titleZh: n.titleZh,
    distributionDate: n.distributionDate,
    commentDeadline: n.commentDeadline,
    source: n.source,
    memberName: country?.nameZh ?? n.memberName,
    memberNameEn: country?.nameEn ?? n.memberCode,
    status: n.triage.status,
    relevance: n.triage.relevance,
    assignee: n.triage.assignee,
    industries: n.triage.industries,
    familyId: n.familyId,
  };
  if (query) {
    const needles = query.terms.flatMap((t) => t.needles);
    item.highlight = {
      title: highlightText(n.title, needles),
      titleZh: n.titleZh ? highlightText(n.titleZh, needles) : null,
      snippet: highlightSnippet(n.description, needles),
    };
  }
  return item;
}

function matchesQuery(n: NotificationDetail, query: SearchQuery): boolean {
  const texts = [n.symbol, n.title, n.titleZh ?? '', n.description, n.products, n.translation?.descriptionZh ?? ''];
  return query.terms.every((term) => texts.some((text) => findHits(text, term.needles).length > 0));
}

/** The filters component tests exercise; the real ones are tested against SQLite. */
function matchesFilters(n: NotificationDetail, input: ListInput): boolean {
  if (input.area && n.area !== input.area) return false;
  if (input.memberCodes?.length && !input.memberCodes.includes(n.memberCode)) return false;
  if (input.docTypes?.length && !input.docTypes.includes(n.docType)) return false;
  if (input.triageStatuses?.length && !input.triageStatuses.includes(n.triage.status)) return false;
  if (input.relevances?.length && !input.relevances.includes(n.triage.relevance ?? 'unrated')) return false;
  if (input.industries?.length && !input.industries.some((i) => n.triage.industries.includes(i))) return false;
  if (input.assignee !== undefined && n.triage.assignee !== input.assignee) return false;
  if (input.hsCode && !n.hsCodes.some((c) => c.replace(/[. ]/g, '').startsWith((input.hsCode ?? '').replace(/[. ]/g, '')))) return false;
  return true;
}

function sortValue(n: NotificationDetail, key: SortKey): string | number {
  switch (key) {
    case 'distributionDate':
      return n.distributionDate ?? '';
    case 'commentDeadline':
      return n.commentDeadline ?? '';
    case 'symbol':
      return n.symbol;
    case 'memberCode':
      return n.memberCode;
    case 'title':
      return (n.titleZh ?? n.title).toLowerCase();
    case 'status':
      return STATUS_ORDER.indexOf(n.triage.status);
    case 'relevance':
      return n.triage.relevance ? RELEVANCE_ORDER.indexOf(n.triage.relevance) : RELEVANCE_ORDER.length;
    case 'rank':
      return 0;
  }
}

/** notificationsList over an array: query, filters, sort and paging as the contract describes. */
export function listNotifications(all: NotificationDetail[], countries: Country[], input: ListInput): ChannelOutput<'notificationsList'> {
  const query = input.query ? buildSearchQuery(input.query) : null;
  const sort = input.sort ?? (query ? 'rank' : 'distributionDate');
  const matching = all.filter((n) => (!query || matchesQuery(n, query)) && matchesFilters(n, input));
  const sign = input.direction === 'asc' ? 1 : -1;
  const sorted =
    sort === 'rank'
      ? matching
      : [...matching].sort((a, b) => {
          const x = sortValue(a, sort);
          const y = sortValue(b, sort);
          return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
        });
  const items = sorted.slice(input.offset, input.offset + input.limit).map((n) => toListItem(n, countries, query));
  return { total: matching.length, totalCapped: false, items };
}

/**
 * notificationsUpdateManual on one record, with the backend's rules: imported records are
 * refused with CONFLICT and the final date for comments may not precede the distribution date.
 */
export function updateManualNotification(n: NotificationDetail, { id: _id, ...input }: UpdateManualInput, now: string): void {
  if (n.source !== 'manual') {
    throw new ApiError({ code: 'CONFLICT', message: `${n.symbol} came from an import and cannot be edited by hand; only manually entered notifications can` });
  }
  const changed = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const merged: NotificationDetail = { ...n, ...changed };
  if (merged.distributionDate && merged.commentDeadline && merged.commentDeadline < merged.distributionDate) {
    const message = `the final date for comments (${merged.commentDeadline}) is before the distribution date (${merged.distributionDate})`;
    throw new ApiError({ code: 'VALIDATION', message: `commentDeadline: ${message}`, details: { fields: [{ path: 'commentDeadline', message }] } });
  }
  Object.assign(n, changed, { updatedAt: now });
}
