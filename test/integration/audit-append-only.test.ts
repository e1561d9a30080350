import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { emptyBackend } from '../helpers/temp-store';

describe('the audit log', () => {
  let backend: Backend;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ backend, cleanup } = await emptyBackend());
  });
  afterEach(() => cleanup());

  it('records the acting analyst by uid, and refuses UPDATE and DELETE', () => {
    const acting = backend.call('analystsActing', {});
    backend.call('analystsSave', { name: '王芳', active: true });
    const [entry] = backend.call('auditList', { entity: 'analyst', limit: 1 });
    expect(entry).toMatchObject({ actor: acting.name, actorId: acting.uid, action: 'create' });
    const db = backend.ctx.db;
    const count = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(count);
    expect(db.prepare('SELECT actor FROM audit_log WHERE id = ?').pluck().get(entry!.id)).toBe(acting.name);
  });

  it('acts as the analyst chosen, and refuses an inactive one', () => {
    backend.call('analystsSave', { name: '王芳', active: true });
    const wang = backend.call('analystsList', {}).find((a) => a.name === '王芳')!;
    expect(backend.call('analystsSetActing', { uid: wang.uid })).toMatchObject({ name: '王芳' });
    backend.call('analystsSave', { name: '李强', active: false });
    const [entry] = backend.call('auditList', { entity: 'analyst', limit: 1 });
    expect(entry).toMatchObject({ actor: '王芳', actorId: wang.uid });
    const li = backend.call('analystsList', {}).find((a) => a.name === '李强')!;
    expect(backend.invoke('analystsSetActing', { uid: li.uid })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(backend.invoke('analystsSave', { name: '王芳', active: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(backend.call('analystsActing', {}).uid).toBe(wang.uid);
  });
});
