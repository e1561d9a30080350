import {
  MatchQuality,
  WARNING_LEVELS,
  WarningState,
  type WarningLevel,
  type WarningListInput,
} from '../../../shared/contract';

/** How many warnings one page of the inbox shows. */
export const INBOX_PAGE_SIZE = 50;

export const DEADLINE_CHOICES = [7, 30, 90] as const;

/**
 * The inbox's filters, as the address carries them (#/warnings?level=red,orange&within=7), so
 * an alert, a notification or another analyst's message can link to a filtered inbox, and the
 * open warning (uid) keeps the filters it was opened from.
 */
export interface InboxQuery {
  levels: WarningLevel[];
  states: WarningState[];
  target: 'enterprise' | 'industry' | null;
  enterpriseUid: string | null;
  member: string | null;
  industry: string | null;
  within: number | null;
  match: MatchQuality[];
  sort: 'score' | 'deadline' | 'created';
  page: number;
  uid: string | null;
}

const list = <T extends string>(text: string | null, allowed: readonly T[]): T[] =>
  (text ?? '')
    .split(',')
    .filter((x): x is T => (allowed as readonly string[]).includes(x));

/** Read the filters from the address's query; anything unknown is left out, not an error. */
export function parseInboxQuery(query: string | undefined): InboxQuery {
  const p = new URLSearchParams(query ?? '');
  const target = p.get('target');
  const sort = p.get('sort');
  const within = Number(p.get('within'));
  const page = Number(p.get('page'));
  const member = p.get('member');
  return {
    levels: list(p.get('level'), WARNING_LEVELS),
    states: list(p.get('state'), WarningState.options),
    target: target === 'enterprise' || target === 'industry' ? target : null,
    enterpriseUid: p.get('enterprise') || null,
    member: member && /^(EU|[A-Z]{3})$/.test(member) ? member : null,
    industry: p.get('industry') || null,
    within: Number.isInteger(within) && within > 0 && within <= 3650 ? within : null,
    match: list(p.get('match'), MatchQuality.options),
    sort: sort === 'deadline' || sort === 'created' ? sort : 'score',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    uid: p.get('uid') || null,
  };
}

/** The address's query for these filters: only what differs from the defaults, in a fixed order. */
export function formatInboxQuery(q: InboxQuery): string {
  const p = new URLSearchParams();
  if (q.levels.length > 0) p.set('level', q.levels.join(','));
  if (q.states.length > 0) p.set('state', q.states.join(','));
  if (q.target) p.set('target', q.target);
  if (q.enterpriseUid) p.set('enterprise', q.enterpriseUid);
  if (q.member) p.set('member', q.member);
  if (q.industry) p.set('industry', q.industry);
  if (q.within !== null) p.set('within', String(q.within));
  if (q.match.length > 0) p.set('match', q.match.join(','));
  if (q.sort !== 'score') p.set('sort', q.sort);
  if (q.page > 1) p.set('page', String(q.page));
  if (q.uid) p.set('uid', q.uid);
  return p.toString().replace(/%2C/g, ',');
}

/** What warningsList is asked for these filters (the level counts come back for every level). */
export function listInputOf(q: InboxQuery): WarningListInput {
  return {
    ...(q.levels.length > 0 ? { levels: q.levels } : {}),
    ...(q.states.length > 0 ? { states: q.states } : {}),
    ...(q.target ? { target: q.target } : {}),
    ...(q.enterpriseUid ? { enterpriseUid: q.enterpriseUid } : {}),
    ...(q.member ? { member: q.member } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
    ...(q.within !== null ? { deadlineWithinDays: q.within } : {}),
    ...(q.match.length > 0 ? { match: q.match } : {}),
    sort: q.sort,
    limit: INBOX_PAGE_SIZE,
    offset: (q.page - 1) * INBOX_PAGE_SIZE,
  };
}

/** Add or remove one value of a multi-choice filter. */
export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** The open warnings: what the alerts link to. */
export const OPEN_STATES: WarningState[] = ['new', 'acknowledged', 'planned'];
