import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/contract';
import { jobKinds } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { actingAnalyst } from '../backend/analysts/analysts';
import { startBackend } from '../backend/backend';
import { migrations } from '../backend/db/migrations';
import { importRecords, parsedRecord } from '../../test/helpers/import-records';
import { emptyBackend, makeTempDir, testClock } from '../../test/helpers/temp-store';
import { insertEnterpriseRow } from '../../test/helpers/warning-fixtures';
import { creditCode, warningsStore } from '../../test/helpers/warnings-workflow-store';
import type { AlertText } from './warning-alert-words';
import { watchWarningAlerts } from './warning-alert-watch';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

const plusDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the warning alerts', () => {
  it('show one alert, in the app language, when a pass raises red or orange warnings, and none when nothing changed', async () => {
    const env = await emptyBackend();
    cleanups.push(env.cleanup);
    const { backend } = env;
    const db = backend.ctx.db;
    const today = todayOf(backend.ctx.clock);
    let locale: Locale = 'zh-CN';
    const shown: AlertText[] = [];
    cleanups.push(watchWarningAlerts(backend, () => locale, (text) => shown.push(text)));
    // An empty store has nothing due: nothing at start.
    expect(shown).toEqual([]);

    await importRecords(db, [
      parsedRecord('G/TBT/N/SAU/1201', {
        title: 'GSO draft: prohibition of lithium-ion batteries',
        hsCodes: ['850760'],
        distributionDate: plusDays(today, -3),
        commentDeadline: plusDays(today, 10),
      }),
    ]);
    insertEnterpriseRow(db, {
      name: '杭州锂能科技有限公司',
      creditCode: '91330100MA2B3C4D5E',
      lines: [{ hsCode: '850760', market: 'KWT', annualExportUsd: 20_000_000 }],
      actorUid: actingAnalyst(db).uid,
    });
    const ended = await backend.ctx.jobs.settle(backend.call('warningsRecompute', {}).jobId);
    const result = jobKinds.warningsRecompute.result.parse(ended.result);
    const red = result.raisedRed ?? 0;
    const orange = result.raisedHigh - red;
    expect(red).toBeGreaterThanOrEqual(1);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe(`${red + orange} 条新的红色/橙色风险预警`);
    expect(shown[0]!.body).toContain(`红色 ${red} 条`);
    expect(shown[0]!.body).toContain('点击打开风险预警');

    // The same pass again raises nothing: no second alert.
    await backend.ctx.jobs.settle(backend.call('warningsRecompute', {}).jobId);
    expect(shown).toHaveLength(1);

    // A new exporter in English: the alert follows the language the app has now.
    locale = 'en';
    insertEnterpriseRow(db, {
      name: '宁波储能电池有限公司',
      creditCode: creditCode('91330200MA2B3C4D5'),
      lines: [{ hsCode: '850760', market: 'SAU', annualExportUsd: 30_000_000 }],
      actorUid: actingAnalyst(db).uid,
    });
    await backend.ctx.jobs.settle(backend.call('warningsRecompute', {}).jobId);
    expect(shown).toHaveLength(2);
    expect(shown[1]!.title).toMatch(/^\d+ new red\/orange risk warnings?$/);
    expect(shown[1]!.body).toMatch(/\d+ red.*Click to open the warnings inbox\./);
  });

  it('show one alert at start for the open warnings due within a week', async () => {
    const fx = await warningsStore();
    cleanups.push(fx.cleanup);
    // Of the fixture's warnings only red82 (comments in 5 days) is open and due within 7 days;
    // removed90, due in 2 days, is tombstoned.
    const shown: AlertText[] = [];
    cleanups.push(watchWarningAlerts(fx.backend, () => 'zh-CN', (text) => shown.push(text)));
    expect(shown).toEqual([{ title: '1 条风险预警的期限在 7 天内', body: '评议截止或生效日期临近。点击打开风险预警。' }]);

    // Closed, it is no longer due: the next start says nothing.
    fx.db.prepare("UPDATE warnings SET state = 'closed', close_reason = 'handled' WHERE uid = ?").run(fx.warnings.red82);
    const later: AlertText[] = [];
    cleanups.push(watchWarningAlerts(fx.backend, () => 'en', (text) => later.push(text)));
    expect(later).toEqual([]);
  });

  it('show nothing at start for a store that cannot answer', async () => {
    // A store of the schema before warnings existed: the alerts' read fails.
    const tmp = makeTempDir();
    const backend = await startBackend({
      dataDir: tmp.dir,
      appVersion: 'test',
      clock: testClock(),
      migrations: migrations.filter((m) => m.version < 210),
    });
    cleanups.push(() => {
      backend.close();
      tmp.cleanup();
    });
    expect(backend.invoke('warningAlerts', {}).ok).toBe(false);
    const shown: AlertText[] = [];
    const stop = watchWarningAlerts(backend, () => 'zh-CN', (text) => shown.push(text));
    expect(shown).toEqual([]);
    stop();
  });
});
