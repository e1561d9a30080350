import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { ApiError } from '../../shared/result';
import { AUTHOR, REVIEWER, addAnalysts, by, point, templateId } from '../helpers/comment-fixtures';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
let fridgeId: number;

beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  fridgeId = backend.call('notificationsCreate', {
    symbol: 'G/TBT/N/SAU/1402',
    area: 'TBT',
    memberCode: 'SAU',
    title: 'Energy efficiency of household refrigerators',
    products: 'Household refrigerators and freezers',
    hsCodes: ['8418.10', '8418.21'],
    distributionDate: '2026-03-02',
    commentDeadline: '2026-05-01',
    proposedEntryIntoForce: '180 days after publication',
  }).id;
  backend.call('notificationsTranslationUpdate', {
    id: fridgeId,
    titleZh: '家用冰箱能效技术法规',
    descriptionZh: '',
    translator: AUTHOR,
    status: 'reviewed',
  });
});
afterEach(() => env.cleanup());

function expectApiError(fn: () => unknown, code: string, message?: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe(code);
    if (message) expect((e as ApiError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('drafting a comment', () => {
  it('starts a draft on a notification with default titles, version 1 and a creation event', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } });
    expect(c).toMatchObject({
      status: 'draft',
      author: AUTHOR,
      version: 1,
      pointCount: 0,
      editable: true,
      acceptsOutcomes: false,
      nextStatuses: ['in_review'],
      target: { kind: 'notification', notificationId: fridgeId, symbols: ['G/TBT/N/SAU/1402'], titleZh: '家用冰箱能效技术法规', memberCodes: ['SAU'] },
    });
    expect(c.content.titleZh).toBe('关于《家用冰箱能效技术法规》（G/TBT/N/SAU/1402）的评议意见');
    expect(c.content.titleEn).toBe('Comments on G/TBT/N/SAU/1402');
    expect(c.events).toHaveLength(1);
    expect(c.events[0]).toMatchObject({ actor: AUTHOR, fromStatus: null, toStatus: 'draft', version: 1 });
    expect(c.measureTimeline.map((t) => t.symbol)).toEqual(['G/TBT/N/SAU/1402']);
    expect(backend.call('auditList', { entity: 'comment', entityId: String(c.id) })[0]).toMatchObject({ action: 'create', actor: AUTHOR });
  });

  it('keeps Chinese and English side by side per point, with stable keys', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } });
    const saved = by(backend, AUTHOR).call('commentsSave', {
      id: c.id,
      baseVersion: c.version,
      titleZh: '关于沙特冰箱能效法规的评议意见',
      titleEn: 'Comments on the Saudi refrigerator regulation',
      points: [point(1), point(2)],
    });
    expect(saved.content.points.map((p) => p.key)).toEqual(['p1', 'p2']);
    expect(saved.content.points[1]).toMatchObject({ clauseZh: '第2条', clauseEn: 'Article 2', concernZh: '关注问题2', concernEn: 'Concern 2', templateCode: null });
    // Reordering and adding keep the keys of existing points; a removed key is never reused.
    const again = by(backend, AUTHOR).call('commentsSave', {
      id: c.id,
      baseVersion: saved.version,
      titleZh: saved.content.titleZh,
      titleEn: saved.content.titleEn,
      points: [{ key: 'p2', ...point(2) }, point(3)],
    });
    expect(again.content.points.map((p) => p.key)).toEqual(['p2', 'p3']);
    // A point's uid goes with its key; a new point gets a new one.
    expect(again.content.points[0]!.uid).toBe(saved.content.points[1]!.uid);
    expect(new Set([...saved.content.points, ...again.content.points].map((p) => p.uid)).size).toBe(3);
    const third = by(backend, AUTHOR).call('commentsSave', {
      id: c.id,
      baseVersion: again.version,
      titleZh: again.content.titleZh,
      titleEn: again.content.titleEn,
      points: [...again.content.points, point(4)],
    });
    expect(third.content.points.map((p) => p.key)).toEqual(['p2', 'p3', 'p4']);
    expectApiError(
      () => by(backend, AUTHOR).call('commentsSave', { id: c.id, baseVersion: third.version, titleZh: '', titleEn: '', points: [{ key: 'p1', ...point(1) }] }),
      'VALIDATION',
      /points\.0\.key: p1 is not a point of this comment/,
    );
    expectApiError(
      () =>
        by(backend, AUTHOR).call('commentsSave', {
          id: c.id,
          baseVersion: third.version,
          titleZh: '',
          titleEn: '',
          points: [{ ...third.content.points[0]!, uid: third.content.points[1]!.uid }],
        }),
      'VALIDATION',
      /points\.0\.uid: .* is not the uid of point p2/,
    );
  });

  it('fills template points with the notification particulars in each language', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', {
      target: { kind: 'notification', notificationId: fridgeId },
      templateIds: [templateId(backend, 'international-test-methods')],
    });
    expect(c.content.points).toHaveLength(1);
    const [first] = c.content.points;
    expect(first).toMatchObject({ key: 'p1', templateCode: 'international-test-methods' });
    expect(first!.concernZh).toContain('沙特阿拉伯通报的《家用冰箱能效技术法规》（G/TBT/N/SAU/1402）');
    expect(first!.concernEn).toContain('Energy efficiency of household refrigerators (G/TBT/N/SAU/1402)');
    expect(first!.proposalEn).toContain('Saudi Arabia accept test results');

    const withMore = by(backend, REVIEWER).call('commentsInsertTemplate', {
      commentId: c.id,
      templateId: templateId(backend, 'transition-period'),
      baseVersion: c.version,
    });
    expect(withMore.version).toBe(2);
    const transition = withMore.content.points[1]!;
    expect(transition).toMatchObject({ key: 'p2', templateCode: 'transition-period' });
    expect(transition.concernEn).toContain('to enter into force 180 days after publication');
    const scope = by(backend, AUTHOR).call('commentsInsertTemplate', {
      commentId: c.id,
      templateId: templateId(backend, 'scope-clarification'),
      baseVersion: withMore.version,
    });
    expect(scope.content.points[2]!.concernZh).toContain('HS编码（8418.10、8418.21）');
    const period = by(backend, AUTHOR).call('commentsInsertTemplate', {
      commentId: c.id,
      templateId: templateId(backend, 'comment-period'),
      baseVersion: scope.version,
    });
    expect(period.content.points[3]!.concernZh).toContain('评议截止日期为2026年5月1日');
    expect(period.content.points[3]!.concernEn).toContain('is 1 May 2026');
    const versions = backend.call('commentsVersions', { id: c.id });
    expect(versions[0]).toMatchObject({ version: 4, note: 'inserted template comment-period', autosave: false, pointCount: 4 });
  });

  it('asks a notification that gives 60 days for a 90-day comment period, with the new final date', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', {
      target: { kind: 'notification', notificationId: fridgeId },
      templateIds: [templateId(backend, 'comment-period')],
    });
    const p = c.content.points[0]!;
    expect(p.concernZh).toContain('自通报分发之日起仅60天');
    expect(p.proposalZh).toContain('自通报分发之日起90天（即延长至2026年5月31日）');
    expect(p.concernEn).toContain('only 60 days after the distribution');
    expect(p.proposalEn).toContain('to 90 days from the distribution of the notification, that is until 31 May 2026');
    expect(`${p.proposalZh}${p.proposalEn}`).not.toMatch(/60/);
  });

  it('comments on a whole GCC measure family with every member named', () => {
    const title = 'Electric vehicles — general requirements and test methods';
    const ids = ['ARE', 'SAU', 'KWT'].map(
      (m, i) =>
        backend.call('notificationsCreate', {
          symbol: `G/TBT/N/${m}/${900 + i}`,
          area: 'TBT',
          memberCode: m,
          title,
          distributionDate: '2026-04-01',
          commentDeadline: m === 'KWT' ? '2026-05-25' : '2026-05-31',
          hsCodes: ['8703.80'],
        }).id,
    );
    const familyId = backend.call('notificationsGet', { id: ids[0]! }).family!.id;
    const c = by(backend, AUTHOR).call('commentsCreate', {
      target: { kind: 'family', familyId },
      templateIds: [templateId(backend, 'international-test-methods'), templateId(backend, 'accredited-lab-reports')],
    });
    expect(c.target).toMatchObject({
      kind: 'family',
      familyId,
      notificationId: null,
      symbols: ['G/TBT/N/ARE/900', 'G/TBT/N/KWT/902', 'G/TBT/N/SAU/901'],
      memberCodes: ['ARE', 'KWT', 'SAU'],
      memberNamesZh: ['阿联酋', '科威特', '沙特阿拉伯'],
    });
    // The earliest final date among the members counts.
    expect(c.deadlines.finalDate).toBe('2026-05-25');
    expect(c.content.points[0]!.proposalZh).toContain('建议阿联酋、科威特、沙特阿拉伯接受');
    expect(c.measureTimeline).toHaveLength(3);
    // The family's comments are found from any member's notification.
    expect(backend.call('commentsList', { notificationId: ids[2]! }).items.map((i) => i.id)).toEqual([c.id]);
  });

  it('refuses a second open comment on the same notification, acting as an unknown or inactive analyst, and unknown targets', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } });
    expectApiError(
      () => by(backend, REVIEWER).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } }),
      'CONFLICT',
      new RegExp(`comment ${c.id} on G/TBT/N/SAU/1402 is still open`),
    );
    expectApiError(() => backend.call('analystsSetActing', { uid: '0190a000-0000-7000-8000-00000000abcd' }), 'NOT_FOUND', /No analyst/);
    by(backend, AUTHOR);
    const reviewer = backend.call('analystsSave', { name: REVIEWER, active: false }).find((a) => a.name === REVIEWER)!;
    expectApiError(() => backend.call('analystsSetActing', { uid: reviewer.uid }), 'VALIDATION', /marked inactive/);
    expect(backend.call('analystsActing', {}).name).toBe(AUTHOR);
    expectApiError(() => by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: 9999 } }), 'NOT_FOUND');
    expectApiError(() => by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'family', familyId: 9999 } }), 'NOT_FOUND');
  });

  it('lists analysts, active first, and never forgets a name', () => {
    backend.call('analystsSave', { name: '王芳', active: true });
    by(backend, REVIEWER);
    const list = backend.call('analystsSave', { name: AUTHOR, active: false });
    // 分析员 is the analyst a new store acts as until the team is set up.
    expect(list.map((a) => [a.name, a.active])).toEqual([
      ['分析员', true],
      [REVIEWER, true],
      ['王芳', true],
      [AUTHOR, false],
    ]);
  });

  it('deletes a draft that never went to review, and nothing else', () => {
    const c = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } });
    expect(by(backend, AUTHOR).call('commentsDelete', { id: c.id })).toEqual({ deleted: true });
    expectApiError(() => backend.call('commentsGet', { id: c.id }), 'NOT_FOUND');
    const d = by(backend, AUTHOR).call('commentsCreate', { target: { kind: 'notification', notificationId: fridgeId } });
    const inReview = by(backend, AUTHOR).call('commentsTransition', { id: d.id, to: 'in_review', baseVersion: d.version });
    by(backend, REVIEWER).call('commentsTransition', { id: inReview.id, to: 'draft', note: 'cite the IEC standard' });
    expectApiError(() => by(backend, AUTHOR).call('commentsDelete', { id: d.id }), 'CONFLICT', /has been in review/);
  });

  it('lets the team edit templates but not delete the built-in kinds', () => {
    const builtIn = backend.call('commentTemplatesList', {});
    expect(builtIn.map((t) => t.code)).toEqual([
      'international-test-methods',
      'accredited-lab-reports',
      'transition-period',
      'scope-clarification',
      'comment-period',
    ]);
    const own = by(backend, AUTHOR).call('commentTemplatesSave', {
      code: 'labelling-language',
      nameZh: '接受英文标签',
      nameEn: 'Accept English labels',
      concernEn: '{title} requires labels in Arabic only.',
    });
    expect(own).toMatchObject({ builtIn: false, updatedBy: AUTHOR });
    const { builtIn: _b, updatedAt: _u, updatedBy: _w, uid: _id, updatedByUid: _wu, ...fields } = own;
    const edited = by(backend, REVIEWER).call('commentTemplatesSave', { ...fields, nameZh: '接受英文或双语标签' });
    expect(edited).toMatchObject({ nameZh: '接受英文或双语标签', updatedBy: REVIEWER });
    expectApiError(() => by(backend, AUTHOR).call('commentTemplatesSave', { ...fields, code: 'renamed' }), 'VALIDATION', /cannot change/);
    expectApiError(() => by(backend, AUTHOR).call('commentTemplatesSave', { ...fields, id: undefined }), 'CONFLICT', /already exists/);
    expectApiError(() => by(backend, AUTHOR).call('commentTemplatesDelete', { id: builtIn[0]!.id }), 'CONFLICT', /built-in/);
    expect(by(backend, AUTHOR).call('commentTemplatesDelete', { id: own.id })).toEqual({ deleted: true });
  });
});
