import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../shared/contract';
import type { Backend } from '../../electron/backend/backend';
import { dispatchAsync } from '../../electron/backend/dispatch';
import { asyncHandlers, handlers, type AsyncHandlerTable } from '../../electron/backend/handlers';
import { emptyBackend } from '../helpers/temp-store';

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
beforeEach(async () => {
  env = await emptyBackend();
  backend = env.backend;
});
afterEach(() => env.cleanup());

describe('dispatch', () => {
  it('has exactly one handler per contract channel, synchronous or asynchronous', () => {
    const sync = Object.keys(handlers);
    const async = Object.keys(asyncHandlers);
    expect([...sync, ...async].sort()).toEqual([...channelNames].sort());
    expect(sync.filter((name) => async.includes(name))).toEqual([]);
  });

  it('refuses an asynchronous channel on the synchronous path, naming the way to call it', () => {
    expect(backend.invoke('storeCheck', { full: false })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'storeCheck answers asynchronously: call it through invokeWhenFree or callAsync' },
    });
    expect(() => backend.call('tradeConcernsExport' as 'storeHealth', {})).toThrow(/answers asynchronously/);
  });

  it('validates the input of an asynchronous channel as dispatch does, and answers failures as envelopes', async () => {
    const r = await backend.invokeWhenFree('tradeConcernsExport', { ids: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'ids' }] } } });
    await expect(backend.invokeWhenFree('commentsExport', { id: 424242, language: 'zh' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(backend.callAsync('commentsExport', { id: 424242, language: 'zh' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backend.callAsync('storeCheck', { full: false })).resolves.toMatchObject({ kind: 'quick', ok: true });
    // Synchronous channels answer through the asynchronous path too.
    await expect(backend.callAsync('storeHealth', {})).resolves.toMatchObject({ status: 'ok' });
  });

  it('checks the output of an asynchronous handler against the contract when asked to', async () => {
    const table = { ...asyncHandlers, storeCheck: async () => ({ kind: 'sideways' }) } as unknown as AsyncHandlerTable;
    const checked = await dispatchAsync(table, backend.ctx, null, 'storeCheck', {}, { validateOutput: true });
    expect(checked).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Output of storeCheck breaks the contract') } });
    expect(await dispatchAsync(table, backend.ctx, null, 'storeCheck', {})).toEqual({ ok: true, value: { kind: 'sideways' } });
    expect(dispatchAsync(table, backend.ctx, null, 'storeHealth', {})).toBeNull();
  });

  it('refuses an unknown channel', () => {
    const r = backend.invoke('dropAllTables', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses names inherited from Object.prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(backend.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('returns a VALIDATION error naming the field for malformed input', () => {
    const r = backend.invoke('notificationsList', { limit: 'lots' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toContain('limit');
    expect(r.error.details).toMatchObject({ fields: [{ path: 'limit' }] });
  });

  it('rejects unexpected fields instead of ignoring them', () => {
    const r = backend.invoke('settingsUpdate', { locale: 'en', isAdmin: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/isAdmin/);
  });

  it('answers every channel with a malformed input as VALIDATION, never INTERNAL', async () => {
    const sync = Object.keys(handlers);
    for (const name of sync) {
      const r = backend.invoke(name, { definitelyNotAField: [1, 2, 3] });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('VALIDATION');
    }
    // A non-object input is refused as well.
    for (const name of sync) {
      const r = backend.invoke(name, 'DROP TABLE notifications');
      if (!r.ok) expect(r.error.code, name).toBe('VALIDATION');
    }
    for (const name of Object.keys(asyncHandlers)) {
      expect(await backend.invokeWhenFree(name, { definitelyNotAField: [1, 2, 3] }), name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('reports a missing record as NOT_FOUND', () => {
    expect(backend.invoke('notificationsGet', { id: 424242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('every output of the demo flow satisfies the contract', () => {
    expect(backend.invoke('demoLoad', {})).toMatchObject({ ok: true, value: { alreadyLoaded: false } });
    const list = backend.invoke('notificationsList', { limit: 5 });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const out = contract.notificationsList.output.parse(list.value);
    expect(out.items).toHaveLength(5);
    const detail = backend.invoke('notificationsGet', { id: out.items[0]!.id });
    expect(detail.ok).toBe(true);
  });
});

describe('settings and reference data', () => {
  it('keeps settings and records the change in the audit log', () => {
    const acting = backend.call('analystsActing', {});
    const r = backend.invoke('settingsUpdate', { internalDeadlineWorkingDays: 8, locale: 'en' });
    expect(r).toMatchObject({ ok: true, value: { internalDeadlineWorkingDays: 8, locale: 'en' } });
    const audit = backend.call('auditList', { entity: 'settings' });
    expect(audit[0]).toMatchObject({ actor: acting.name, actorId: acting.uid, action: 'update', entity: 'settings' });
  });

  it('lists SCO countries by the pinyin of their Chinese names', () => {
    const countries = backend.call('referenceCountries', {});
    const names = countries.map((c) => c.nameZh);
    // 阿富汗 (a) before 巴基斯坦 (b) before 中国 (z)
    expect(names.indexOf('阿富汗')).toBeLessThan(names.indexOf('巴基斯坦'));
    expect(names.indexOf('巴基斯坦')).toBeLessThan(names.indexOf('中国'));
    const sau = countries.find((c) => c.code === 'SAU');
    expect(sau).toMatchObject({ scoStatus: 'partner', blocs: ['GCC', 'GSO'], epingName: 'Saudi Arabia, Kingdom of' });
    expect(countries.find((c) => c.code === 'YEM')?.blocs).toEqual(['GSO']);
    expect(countries.find((c) => c.code === 'BLR')).toMatchObject({ wtoMember: false, blocs: ['EAEU'] });
  });

  it('edits a country and audits it', () => {
    const r = backend.invoke('referenceCountryUpdate', { code: 'AZE', scoStatus: 'member' });
    expect(r).toMatchObject({ ok: true, value: { code: 'AZE', scoStatus: 'member' } });
    expect(backend.invoke('referenceCountryUpdate', { code: 'XXX', nameZh: '无' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('loading the demo twice changes nothing the second time', () => {
    const first = backend.call('demoLoad', {});
    const second = backend.call('demoLoad', {});
    expect(first).toMatchObject({ alreadyLoaded: false });
    expect(first.notifications).toBeGreaterThan(10);
    expect(second).toMatchObject({ alreadyLoaded: true, notifications: 0 });
    expect(backend.call('appInfo', {}).counts.notifications).toBe(first.notifications);
  });
});
