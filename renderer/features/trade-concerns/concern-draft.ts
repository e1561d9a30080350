import type { Area, TradeConcern, TradeConcernSaveInput, TradeConcernStatus } from '../../../shared/contract';

export interface LinkedNotification {
  id: number;
  symbol: string;
  title: string;
}

/** A trade concern as the form holds it. */
export interface ConcernDraft {
  id: number | null;
  titleZh: string;
  titleEn: string;
  committee: Area;
  memberCodes: string[];
  notifications: LinkedNotification[];
  issueZh: string;
  issueEn: string;
  talkingPointsZh: string[];
  talkingPointsEn: string[];
  meeting: string;
  status: TradeConcernStatus;
}

export function emptyConcern(): ConcernDraft {
  return {
    id: null,
    titleZh: '',
    titleEn: '',
    committee: 'TBT',
    memberCodes: [],
    notifications: [],
    issueZh: '',
    issueEn: '',
    talkingPointsZh: [''],
    talkingPointsEn: [''],
    meeting: '',
    status: 'draft',
  };
}

export function draftFromConcern(c: TradeConcern): ConcernDraft {
  return {
    id: c.id,
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    committee: c.committee,
    memberCodes: c.members.map((m) => m.code),
    notifications: c.notifications.map((n) => ({ id: n.id, symbol: n.symbol, title: n.titleZh ?? n.title })),
    issueZh: c.issueZh,
    issueEn: c.issueEn,
    talkingPointsZh: c.talkingPointsZh,
    talkingPointsEn: c.talkingPointsEn,
    meeting: c.meeting,
    status: c.status,
  };
}

/** Empty talking points are dropped: the list editor leaves a blank line to type into. */
export function concernInput(d: ConcernDraft): TradeConcernSaveInput {
  const points = (items: string[]): string[] => items.map((s) => s.trim()).filter((s) => s !== '');
  return {
    ...(d.id !== null ? { id: d.id } : {}),
    titleZh: d.titleZh,
    titleEn: d.titleEn,
    committee: d.committee,
    memberCodes: d.memberCodes,
    notificationIds: d.notifications.map((n) => n.id),
    issueZh: d.issueZh,
    issueEn: d.issueEn,
    talkingPointsZh: points(d.talkingPointsZh),
    talkingPointsEn: points(d.talkingPointsEn),
    meeting: d.meeting,
    status: d.status,
  };
}
