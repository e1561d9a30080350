import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarningState, type WarningLevel } from '../../shared/contract/warnings';
import { ApiError, type ErrorCode } from '../../shared/result';
import { AUTHOR, by, REVIEWER } from '../helpers/comment-fixtures';
import { analystUid, plusDays, recordChanges, warningsStore } from '../helpers/warnings-workflow-store';

let fx: Awaited<ReturnType<typeof warningsStore>>;
beforeEach(async () => {
  fx = await warningsStore();
});
afterEach(() => fx.cleanup());

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

const codeOf = (run: () => unknown): ErrorCode => failure(run).code;

interface AuditRow {
  action: string;
  actor: string;
  entity_uid: string;
  before: string;
  after: string;
}
const auditOf = (uid: string): AuditRow[] =>
  fx.db.prepare("SELECT action, actor, entity_uid, before, after FROM audit_log WHERE entity = 'warning' AND entity_uid = ? ORDER BY id").all(uid) as AuditRow[];

/** What a recomputation does to a warning: a new computed level and score; the level stays the override where there is one. */
function simulateRecompute(uid: string, score: number, computed: WarningLevel): void {
  fx.db
    .prepare('UPDATE warnings SET score = ?, computed_level = ?, level = coalesce(override_level, ?), computed_at = ? WHERE uid = ?')
    .run(score, computed, computed, fx.backend.ctx.clock.now().toISOString(), uid);
}

describe('overriding a warning level', () => {
  it('sets the level by hand with a reason, audited and kept in history, and survives a recomputation', () => {
    const uid = fx.warnings.yellow35;
    const changes = recordChanges(fx.backend);
    const w = fx.backend.call('warningsOverride', { uid, level: 'red', reason: '该企业对埃及出口占其总额六成' });
    expect(w).toMatchObject({ level: 'red', computedLevel: 'yellow', overridden: true, score: 35 });
    expect(w.override).toMatchObject({ level: 'red', reason: '该企业对埃及出口占其总额六成', by: AUTHOR, byId: analystUid(fx.backend, AUTHOR) });
    expect(w.history.at(-1)).toMatchObject({ kind: 'override', level: 'red', by: AUTHOR, note: '该企业对埃及出口占其总额六成' });
    expect(changes).toEqual([{ entity: 'warnings', ids: [uid] }]);
    const [audit] = auditOf(uid);
    expect(audit).toMatchObject({ action: 'override', actor: AUTHOR });
    expect(JSON.parse(audit!.before)).toMatchObject({ level: 'yellow', overrideLevel: null });
    expect(JSON.parse(audit!.after)).toMatchObject({ level: 'red', overrideLevel: 'red', reason: '该企业对埃及出口占其总额六成' });
    expect(fx.db.prepare('SELECT updated_by FROM warnings WHERE uid = ?').pluck().get(uid)).toBe(analystUid(fx.backend, AUTHOR));

    simulateRecompute(uid, 12, 'blue');
    const after = fx.backend.call('warningsGet', { uid });
    expect(after).toMatchObject({ level: 'red', computedLevel: 'blue', score: 12, overridden: true });
    expect(fx.backend.call('warningsList', { levels: ['red'] }).items.map((i) => i.uid)).toContain(uid);
  });

  it('clears the override with a null level: the computed level shows again', () => {
    const uid = fx.warnings.red82;
    fx.backend.call('warningsOverride', { uid, level: 'blue', reason: '产品已取得认证' });
    simulateRecompute(uid, 60, 'orange');
    by(fx.backend, REVIEWER);
    const cleared = fx.backend.call('warningsOverride', { uid, level: null, reason: '认证已过期' });
    expect(cleared).toMatchObject({ level: 'orange', computedLevel: 'orange', overridden: false, override: null });
    expect(cleared.history.map((h) => [h.kind, h.level, h.by])).toEqual([
      ['override', 'blue', AUTHOR],
      ['override', 'orange', REVIEWER],
    ]);
    expect(auditOf(uid).map((a) => [a.action, a.actor])).toEqual([
      ['override', AUTHOR],
      ['clear-override', REVIEWER],
    ]);
  });

  it('clearing a warning that has no override writes nothing and tells no one', () => {
    const changes = recordChanges(fx.backend);
    const w = fx.backend.call('warningsOverride', { uid: fx.warnings.red82, level: null, reason: '误操作' });
    expect(w).toMatchObject({ level: 'red', overridden: false, history: [] });
    expect(changes).toEqual([]);
    expect(auditOf(fx.warnings.red82)).toEqual([]);
  });

  it('needs a reason, and a warning that exists and is not removed', () => {
    expect(codeOf(() => fx.backend.call('warningsOverride', { uid: fx.warnings.red82, level: 'blue', reason: '  ' }))).toBe('VALIDATION');
    expect(codeOf(() => fx.backend.call('warningsOverride', { uid: fx.warnings.removed90, level: 'blue', reason: '无关' }))).toBe('NOT_FOUND');
    expect(codeOf(() => fx.backend.call('warningsOverride', { uid: '01900000-0000-7000-8000-000000000000', level: 'blue', reason: '无关' }))).toBe('NOT_FOUND');
    expect(fx.backend.call('warningsGet', { uid: fx.warnings.red82 }).overridden).toBe(false);
    expect(auditOf(fx.warnings.red82)).toEqual([]);
  });
});

describe('reading one warning', () => {
  it('gives its explanation, matches and history, and NOT_FOUND for a uid that names no warning', () => {
    const factors = [{ key: 'exposure', value: 'usd', params: { usd: 5000 }, points: 10, max: 30, evidence: [] }];
    const matches = [{ hsCode: '850760', market: 'SAU', depth: 'line', measureCode: '8507', valueUsd: 5000, valueSource: 'enterprise' }];
    fx.db.prepare('UPDATE warnings SET factors = ?, matches = ? WHERE uid = ?').run(JSON.stringify(factors), JSON.stringify(matches), fx.warnings.red82);
    const w = fx.backend.call('warningsGet', { uid: fx.warnings.red82 });
    expect(w).toMatchObject({ uid: fx.warnings.red82, score: 82, level: 'red', state: 'new', factors, matches, override: null, history: [], letters: [] });
    expect(w.target).toMatchObject({ kind: 'enterprise', enterpriseUid: fx.enterprises.battery });
    expect(codeOf(() => fx.backend.call('warningsGet', { uid: '01900000-0000-7000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});

describe('moving a warning through its states', () => {
  const ALLOWED = new Set(['new>acknowledged', 'new>closed', 'acknowledged>closed', 'planned>closed', 'closed>acknowledged']);

  it('allows exactly new → acknowledged, any open state → closed and closed → acknowledged; refuses the rest with CONFLICT naming both states', () => {
    const uid = fx.warnings.red82;
    const put = fx.db.prepare('UPDATE warnings SET state = ?, close_reason = ? WHERE uid = ?');
    for (const from of WarningState.options) {
      for (const to of WarningState.options) {
        put.run(from, from === 'closed' ? 'handled' : null, uid);
        const input = { uid, state: to, ...(to === 'closed' ? { closeReason: 'handled' as const } : {}) };
        if (ALLOWED.has(`${from}>${to}`)) {
          const w = fx.backend.call('warningsTransition', input);
          expect(w.state, `${from} → ${to}`).toBe(to);
          expect(w.closeReason).toBe(to === 'closed' ? 'handled' : null);
        } else {
          const error = failure(() => fx.backend.call('warningsTransition', input));
          expect(error.code, `${from} → ${to}`).toBe('CONFLICT');
          expect(error.message).toContain(from === to && to !== 'planned' ? `already ${to}` : `from ${from} to ${to}`);
          expect(error.details).toEqual({ from, to });
          expect(fx.db.prepare('SELECT state FROM warnings WHERE uid = ?').pluck().get(uid)).toBe(from);
        }
      }
    }
    const moves = fx.db.prepare("SELECT state FROM warning_history WHERE warning_uid = ? AND kind = 'state' ORDER BY id").pluck().all(uid);
    expect(moves).toEqual(['acknowledged', 'closed', 'closed', 'closed', 'acknowledged']);
  });

  it('closes with a reason an analyst may give, and reopens to acknowledged, clearing the reason; audited with the note', () => {
    const uid = fx.warnings.orange55;
    const changes = recordChanges(fx.backend);
    expect(codeOf(() => fx.backend.call('warningsTransition', { uid, state: 'closed' }))).toBe('VALIDATION');
    const engineOnly = failure(() => fx.backend.call('warningsTransition', { uid, state: 'closed', closeReason: 'withdrawn' }));
    expect(engineOnly.code).toBe('VALIDATION');
    expect(engineOnly.message).toMatch(/^closeReason:/);
    expect(codeOf(() => fx.backend.call('warningsTransition', { uid, state: 'acknowledged', closeReason: 'handled' }))).toBe('CONFLICT');
    expect(changes).toEqual([]);

    const closed = fx.backend.call('warningsTransition', { uid, state: 'closed', closeReason: 'notRelevant', note: '该产品已停产' });
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'notRelevant' });
    expect(closed.history.at(-1)).toMatchObject({ kind: 'state', state: 'closed', note: '该产品已停产', by: AUTHOR });
    const reopened = by(fx.backend, REVIEWER).call('warningsTransition', { uid, state: 'acknowledged', note: '产品恢复生产' });
    expect(reopened).toMatchObject({ state: 'acknowledged', closeReason: null });
    expect(reopened.history.at(-1)).toMatchObject({ kind: 'state', state: 'acknowledged', by: REVIEWER });
    expect(changes.filter((c) => c.entity !== 'analysts')).toEqual([
      { entity: 'warnings', ids: [uid] },
      { entity: 'warnings', ids: [uid] },
    ]);
    const audit = auditOf(uid);
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['to-closed', AUTHOR],
      ['reopen', REVIEWER],
    ]);
    expect(JSON.parse(audit[0]!.before)).toEqual({ state: 'acknowledged', closeReason: null });
    expect(JSON.parse(audit[0]!.after)).toEqual({ state: 'closed', closeReason: 'notRelevant', note: '该产品已停产' });
  });

  it('needs an acting analyst for every write', () => {
    fx.db.prepare("DELETE FROM workstation WHERE key = 'actingAnalyst'").run();
    expect(codeOf(() => fx.backend.call('warningsTransition', { uid: fx.warnings.red82, state: 'acknowledged' }))).toBe('VALIDATION');
    expect(fx.backend.call('warningsGet', { uid: fx.warnings.red82 }).state).toBe('new');
  });
});

describe('planning the response', () => {
  it('records what, who and by when, moves the warning to planned, and keeps it in history and the audit log', () => {
    const uid = fx.warnings.red82;
    const owner = analystUid(fx.backend, REVIEWER);
    const due = plusDays(fx.today, 10);
    const changes = recordChanges(fx.backend);
    const w = fx.backend.call('warningsPlanResponse', { uid, kind: 'comment', ownerUid: owner, dueDate: due, note: '在评议期内提交评议意见' });
    expect(w.state).toBe('planned');
    expect(w.response).toEqual({ kind: 'comment', ownerUid: owner, ownerName: REVIEWER, dueDate: due, note: '在评议期内提交评议意见' });
    expect(w.history.at(-1)).toMatchObject({ kind: 'response', state: 'planned', by: AUTHOR, note: '在评议期内提交评议意见' });
    expect(changes).toEqual([{ entity: 'warnings', ids: [uid] }]);
    const [audit] = auditOf(uid);
    expect(audit!.action).toBe('plan-response');
    expect(JSON.parse(audit!.after)).toMatchObject({ state: 'planned', response: { kind: 'comment', ownerUid: owner, dueDate: due } });

    // A planned warning's plan can be revised; it stays planned.
    const revised = fx.backend.call('warningsPlanResponse', { uid, kind: 'certify', ownerUid: analystUid(fx.backend, AUTHOR), dueDate: fx.today });
    expect(revised).toMatchObject({ state: 'planned', response: { kind: 'certify', ownerName: AUTHOR, dueDate: fx.today, note: '' } });
    expect(JSON.parse(auditOf(uid)[1]!.before)).toMatchObject({ state: 'planned', response: { kind: 'comment', ownerUid: owner } });
  });

  it('moves an acknowledged warning to planned too', () => {
    const w = fx.backend.call('warningsPlanResponse', {
      uid: fx.warnings.orange55,
      kind: 'adapt',
      ownerUid: analystUid(fx.backend, AUTHOR),
      dueDate: plusDays(fx.today, 30),
    });
    expect(w).toMatchObject({ state: 'planned', response: { kind: 'adapt' } });
  });

  it('refuses an owner who is not on the team list, an inactive one, a past due date and a closed warning, changing nothing', () => {
    const uid = fx.warnings.red82;
    const due = plusDays(fx.today, 3);
    fx.backend.call('analystsSave', { name: '王芳', active: true });
    const leaver = analystUid(fx.backend, '王芳');
    fx.backend.call('analystsSave', { name: '王芳', active: false });

    const unknown = failure(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: '01900000-0000-7000-8000-0000000000aa', dueDate: due }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toMatch(/^ownerUid:/);
    expect(codeOf(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: '00000000-0000-7000-8000-000000000000', dueDate: due }))).toBe(
      'NOT_FOUND',
    );
    const inactive = failure(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: leaver, dueDate: due }));
    expect(inactive.code).toBe('VALIDATION');
    expect(inactive.message).toContain('王芳');
    const owner = analystUid(fx.backend, AUTHOR);
    const past = failure(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: owner, dueDate: plusDays(fx.today, -1) }));
    expect(past.code).toBe('VALIDATION');
    expect(past.message).toMatch(/^dueDate:/);
    expect(codeOf(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: owner, dueDate: '2026-02-30' }))).toBe('VALIDATION');

    fx.backend.call('warningsTransition', { uid, state: 'closed', closeReason: 'handled' });
    const closed = failure(() => fx.backend.call('warningsPlanResponse', { uid, kind: 'monitor', ownerUid: owner, dueDate: due }));
    expect(closed.code).toBe('CONFLICT');
    expect(closed.details).toEqual({ from: 'closed', to: 'planned' });
    const w = fx.backend.call('warningsGet', { uid });
    expect(w.response).toBeNull();
    expect(w.history.map((h) => h.kind)).toEqual(['state']);
  });
});
