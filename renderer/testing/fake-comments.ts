import { CommentListItem, type Analyst, type Channel, type ChannelOutput, type ChannelParsedInput, type Comment, type CommentStats, type CommentTemplate, type TradeConcern } from '../../shared/contract';
import { commentOutcome, tallyOutcomes } from '../../shared/domain/comment-outcome';
import { updateSyncMarks } from '../../shared/domain/language-sync';
import { otherWtoMember } from '../../shared/domain/wto-members';
import { COMMENT_TRANSITIONS, isEditableStatus, isSentStatus, transitionProblem } from '../../shared/domain/comment-workflow';
import { ApiError } from '../../shared/result';
import { emptyStats, FAKE_ANALYSTS, FAKE_TEMPLATES, fakeUid, makeComment } from './fake-comment-data';
import type { FakeBackend } from './fake-backend';

export { makeComment, makeEvent, makePoint, makeTemplate } from './fake-comment-data';

type Handlers = { [C in Channel]?: (input: ChannelParsedInput<C>) => ChannelOutput<C> };

/** The comment side of the in-memory backend; reach it in a test with commentsOf(backend). */
export interface FakeComments {
  analysts: Analyst[];
  /** The uid of the analyst the fake workstation acts as (the first analyst to begin with). */
  acting: string;
  templates: CommentTemplate[];
  comments: Comment[];
  stats: CommentStats;
  /** Another analyst saves meanwhile: the version moves on under the editor's feet. */
  saveElsewhere(id: number): void;
}

const NOW = '2026-11-21T06:00:00.000Z';
const states = new WeakMap<object, FakeComments>();

export function commentsOf(backend: FakeBackend): FakeComments {
  const state = states.get(backend);
  if (!state) throw new Error('this fake backend has no comment state');
  return state;
}

/** Make the fake workstation act as the analyst named (or as nobody, with null). */
export function actAs(backend: FakeBackend, name: string | null): void {
  const state = commentsOf(backend);
  const analyst = name === null ? undefined : state.analysts.find((a) => a.name === name);
  if (name !== null && !analyst) throw new Error(`${name} is not on the fake analyst list`);
  state.acting = analyst?.uid ?? '';
}

function conflict(message: string, details?: unknown): ApiError {
  return new ApiError({ code: 'CONFLICT', message, details });
}

function validation(path: string, message: string): ApiError {
  return new ApiError({ code: 'VALIDATION', message: `${path}: ${message}`, details: { fields: [{ path, message }] } });
}

/**
 * Comment channels over plain objects, with the rules screens depend on: baseVersion checks,
 * the workflow's allowed moves and four-eyes approval, and evidence for adoptions.
 */
export function fakeCommentHandlers(backend: Pick<FakeBackend, 'emit'>, actingAs: () => { name: string; uid: string }): Handlers {
  const concerns: TradeConcern[] = [];
  const state: FakeComments = {
    analysts: structuredClone(FAKE_ANALYSTS),
    acting: FAKE_ANALYSTS[0]!.uid,
    templates: structuredClone(FAKE_TEMPLATES),
    comments: [],
    stats: emptyStats(),
    saveElsewhere(id) {
      const c = find(id);
      c.version += 1;
      c.updatedAt = NOW;
    },
  };
  states.set(backend, state);
  let nextEvent = 100;

  function find(id: number): Comment {
    const c = state.comments.find((x) => x.id === id);
    if (!c) throw new ApiError({ code: 'NOT_FOUND', message: `comment ${id} not found` });
    return c;
  }
  /** Every write is by the acting analyst (the same one the fake backend answers with), who must be active. */
  const acting = (): Analyst => {
    const by = actingAs();
    const a = state.analysts.find((x) => x.uid === by.uid && x.active);
    if (!a) throw validation('actor', 'No active analyst is chosen to act on this workstation');
    return a;
  };
  const checkBase = (c: Comment, baseVersion: number): void => {
    if (baseVersion !== c.version) {
      throw conflict(`comment ${c.id} was changed meanwhile: you started from version ${baseVersion} but version ${c.version} is current`, {
        baseVersion,
        currentVersion: c.version,
      });
    }
  };
  /** As the real handlers report it: an outcome or follow-up apart from the comment's text and workflow. */
  const changed = (c: Comment, entity: 'comments' | 'outcomes' = 'comments'): Comment => {
    c.updatedAt = NOW;
    c.pointCount = c.content.points.length;
    backend.emit('dataChanged', { entity, ids: [c.id] });
    return c;
  };

  return {
    analystsList: () => state.analysts,
    analystsSave: ({ name, active }) => {
      const found = state.analysts.find((a) => a.name === name);
      if (found) found.active = active;
      else state.analysts.push({ uid: `019a9f3c-2a00-7000-8000-${String(state.analysts.length + 1).padStart(12, '0')}`, name, active, createdAt: NOW });
      backend.emit('dataChanged', { entity: 'analysts', ids: [state.analysts.find((a) => a.name === name)!.uid] });
      return state.analysts;
    },
    // Who acts is answered by the fake backend (fake-analysts.ts), over state.acting here.
    commentTemplatesList: () => state.templates,
    commentsList: (input) => {
      const items = state.comments.filter(
        (c) =>
          (!input.statuses || input.statuses.includes(c.status)) &&
          (input.notificationId === undefined || c.target.notificationId === input.notificationId) &&
          (input.familyId === undefined || c.target.familyId === input.familyId),
      );
      // List items, as the real list sends them: no content, events or outcomes.
      return { total: items.length, items: items.map((c) => CommentListItem.parse(c)) };
    },
    commentsCreate: (input) => {
      const actor = acting();
      const id = Math.max(0, ...state.comments.map((c) => c.id)) + 1;
      const base = makeComment({
        id,
        author: actor.name,
        authorUid: actor.uid,
        content: { titleZh: input.titleZh ?? '', titleEn: input.titleEn ?? '', points: [] },
      });
      const c: Comment = {
        ...base,
        titleZh: input.titleZh ?? '',
        titleEn: input.titleEn ?? '',
        target:
          input.target.kind === 'notification'
            ? { ...base.target, kind: 'notification', notificationId: input.target.notificationId, familyId: null }
            : { ...base.target, kind: 'family', notificationId: null, familyId: input.target.familyId },
        events: [
          { id: nextEvent++, uid: fakeUid(), at: NOW, actor: actor.name, actorUid: actor.uid, fromStatus: null, toStatus: 'draft', note: '', version: 1, versionUid: fakeUid() },
        ],
      };
      state.comments.push(c);
      return changed(c);
    },
    commentsGet: ({ id }) => find(id),
    commentsDashboard: () => {
      const sent = state.comments.filter((c) => isSentStatus(c.status));
      return {
        byStatus: { draft: 0, in_review: 0, approved: 0, submitted: 0, reply_received: 0, closed: 0 },
        flagged: state.comments.filter((c) => c.deadlines.risk !== 'ok'),
        flaggedCounts: { dueSoon: 0, atRisk: 0, missed: 0 },
        followups: state.comments.filter((c) => c.openFollowups > 0),
        openFollowups: 0,
        outcomes: tallyOutcomes(sent.map((c) => c.outcome)),
      };
    },
    commentsDelete: ({ id }) => {
      acting();
      const c = find(id);
      const reviewed = c.events.some((e) => e.toStatus === 'in_review');
      if (c.status !== 'draft' || reviewed) {
        throw conflict(`comment ${id} ${reviewed && c.status === 'draft' ? 'has been in review' : `is ${c.status}`}; only drafts never sent for review can be deleted`, { status: c.status });
      }
      state.comments = state.comments.filter((x) => x.id !== id);
      backend.emit('dataChanged', { entity: 'comments', ids: [id] });
      return { deleted: true };
    },
    commentsSave: (input) => {
      const actor = acting();
      const c = find(input.id);
      checkBase(c, input.baseVersion);
      let next = c.content.points.length + 1;
      const before = c.content.points;
      c.content = {
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        points: input.points.map(({ key, uid, templateCode, ...texts }) => ({
          key: key ?? `p${next++}`,
          uid: uid ?? before.find((p) => p.key === key)?.uid ?? fakeUid(),
          templateCode: templateCode ?? null,
          ...texts,
        })),
      };
      c.version += 1;
      const kept = new Map(c.languageMarks.map((m) => [`${m.pointKey}|${m.part}|${m.stale}`, m]));
      c.languageMarks = updateSyncMarks(before, c.content.points, c.languageMarks).map(
        (m) => kept.get(`${m.pointKey}|${m.part}|${m.stale}`) ?? { ...m, markedAt: NOW, markedBy: actor.name, markedByUid: actor.uid },
      );
      return changed(c);
    },
    commentsConfirmLanguage: ({ id, pointKey, part }) => {
      acting();
      const c = find(id);
      if (!c.languageMarks.some((m) => m.pointKey === pointKey && m.part === part)) {
        throw new ApiError({ code: 'NOT_FOUND', message: `comment ${id}: the ${part} of point ${pointKey} is not marked` });
      }
      c.languageMarks = c.languageMarks.filter((m) => !(m.pointKey === pointKey && m.part === part));
      return changed(c);
    },
    commentsInsertTemplate: (input) => {
      acting();
      const c = find(input.commentId);
      checkBase(c, input.baseVersion);
      const tpl = state.templates.find((x) => x.id === input.templateId);
      if (!tpl) throw new ApiError({ code: 'NOT_FOUND', message: `template ${input.templateId} not found` });
      const { id: _id, uid: _uid, code, nameZh: _zh, nameEn: _en, builtIn: _b, updatedAt: _u, updatedBy: _by, updatedByUid: _byUid, ...texts } = tpl;
      c.content.points.push({ key: `p${c.content.points.length + 1}`, uid: fakeUid(), templateCode: code, ...texts });
      c.version += 1;
      return changed(c);
    },
    commentsVersions: ({ id }) => {
      const c = find(id);
      return [
        {
          version: c.version,
          uid: fakeUid(),
          author: c.author,
          authorUid: c.authorUid,
          createdAt: c.updatedAt,
          updatedAt: c.updatedAt,
          autosave: false,
          note: '',
          pointCount: c.content.points.length,
        },
      ];
    },
    commentsTransition: (input) => {
      const actor = acting();
      const c = find(input.id);
      const problem = transitionProblem(c.status, input.to, actor, { uid: c.authorUid, name: c.author });
      if (problem) throw conflict(`comment ${c.id}: ${problem}`, { from: c.status, to: input.to });
      if (input.to === 'in_review' || input.to === 'approved') checkBase(c, input.baseVersion);
      if (input.to === 'submitted') c.submission = input.submission;
      if (input.to === 'reply_received') c.reply = input.reply;
      if (input.to === 'approved') {
        c.reviewer = actor.name;
        c.reviewerUid = actor.uid;
      }
      c.events.push({
        id: nextEvent++,
        uid: fakeUid(),
        at: NOW,
        actor: actor.name,
        actorUid: actor.uid,
        fromStatus: c.status,
        toStatus: input.to,
        note: input.note,
        version: c.version,
        versionUid: fakeUid(),
      });
      c.status = input.to;
      c.nextStatuses = [...COMMENT_TRANSITIONS[input.to]];
      c.editable = isEditableStatus(input.to);
      c.acceptsOutcomes = isSentStatus(input.to);
      return changed(c);
    },
    commentsRecordOutcome: (input) => {
      const actor = acting();
      const c = find(input.id);
      if ((input.outcome === 'adopted' || input.outcome === 'partly_adopted') && !input.evidence) {
        throw validation('evidence', 'an adopted or partly adopted point needs evidence');
      }
      const evidence =
        input.evidence?.kind === 'regulation'
          ? { kind: 'regulation' as const, reference: input.evidence.reference, date: input.evidence.date }
          : input.evidence
            ? { kind: 'notification' as const, notificationId: 2, symbol: input.evidence.symbol, date: input.evidence.date ?? '2026-11-20' }
            : null;
      c.pointOutcomes = [
        ...c.pointOutcomes.filter((o) => o.pointKey !== input.pointKey),
        {
          uid: c.pointOutcomes.find((o) => o.pointKey === input.pointKey)?.uid ?? fakeUid(),
          pointKey: input.pointKey,
          outcome: input.outcome,
          date: evidence?.date ?? input.date ?? null,
          evidence,
          costSparedCny: input.costSparedCny ?? null,
          costMethod: input.costMethod ?? null,
          note: input.note,
          recordedAt: NOW,
          recordedBy: actor.name,
          recordedByUid: actor.uid,
        },
      ];
      c.adopted = c.pointOutcomes.some((o) => o.outcome === 'adopted' || o.outcome === 'partly_adopted');
      c.outcome = commentOutcome(c.content.points.map((p) => c.pointOutcomes.find((o) => o.pointKey === p.key)?.outcome ?? null));
      return changed(c, 'outcomes');
    },
    commentsClearOutcome: ({ id, pointKey }) => {
      acting();
      const c = find(id);
      c.pointOutcomes = c.pointOutcomes.filter((o) => o.pointKey !== pointKey);
      return changed(c, 'outcomes');
    },
    commentsAcknowledgeFollowup: ({ id, notificationId }) => {
      const actor = acting();
      const c = find(id);
      c.followups = c.followups.map((f) =>
        f.notificationId === notificationId ? { ...f, acknowledgedAt: NOW, acknowledgedBy: actor.name, acknowledgedByUid: actor.uid } : f,
      );
      c.openFollowups = c.followups.filter((f) => f.acknowledgedAt === null).length;
      return changed(c, 'outcomes');
    },
    commentsStats: () => state.stats,
    tradeConcernsList: () => concerns,
    tradeConcernsSave: (input) => {
      // Names from the members beyond the country list; the fake keeps no country names here.
      const members = input.memberCodes.map((code) => ({ code, nameZh: otherWtoMember(code)?.nameZh ?? code, nameEn: otherWtoMember(code)?.nameEn ?? code }));
      const { memberCodes: _codes, notificationIds: _ids, id, ...fields } = input;
      const by = actingAs();
      const created = concerns.find((c) => c.id === id);
      const saved: TradeConcern = {
        ...fields,
        id: id ?? concerns.length + 1,
        members,
        notifications: [],
        createdAt: NOW,
        createdBy: created?.createdBy ?? by.name,
        createdById: created?.createdById ?? by.uid,
        updatedAt: NOW,
        updatedBy: by.name,
        updatedById: by.uid,
      };
      concerns.splice(0, concerns.length, saved, ...concerns.filter((c) => c.id !== saved.id));
      backend.emit('dataChanged', { entity: 'tradeConcerns', ids: [saved.id] });
      return saved;
    },
  };
}
