import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { startBackendOrRecover } from '../../electron/backend/backups/recovery-backend';
import { DATABASE_FILE } from '../../electron/backend/db/connection';
import { contract, WRITE_CHANGES, type Channel, type ChannelOutput, type EventPayload } from '../../shared/contract';
import { todayOf } from '../../shared/domain/clock';
import { DEFAULT_WARNING_RULES } from '../../shared/domain/warning-rules';
import { AUTHOR, REVIEWER, addAnalysts, commentWithPoints, point, submit, templateId } from '../helpers/comment-fixtures';
import { importRecords, parsedRecord } from '../helpers/import-records';
import { minimalPdf } from '../helpers/notification-fixtures';
import { emptyBackend, makeTempDir, testClock } from '../helpers/temp-store';
import { creditCode, writeCsv, ZH_HEADER } from '../fixtures/enterprise-files';
import { writeEpingXlsx, epingRow } from '../fixtures/eping-fixtures';

type Change = EventPayload<'dataChanged'>;
type Comment = ChannelOutput<'commentsGet'>;

let env: Awaited<ReturnType<typeof emptyBackend>>;
let backend: Backend;
/** The dataChanged events since the last `take`. */
const seen: Change[] = [];
const take = (): Change[] => seen.splice(0);

let saudi: number;
let kazakh: number;
let comment: Comment;
let submitted: Comment;
/** A Saudi draft on lithium-ion batteries, and an enterprise exporting them there: a warning. */
let batteries: number;
let exporter: string;
let warning: string;
let letter: ChannelOutput<'warningLettersMake'>['letter'];
let industry: string;
let imported: string;
let report: string;

/** A calendar date `n` days from the test clock's today. */
function day(n: number): string {
  const d = new Date(`${todayOf(backend.ctx.clock)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Wait for the warnings recomputation a write started. It reports 'warnings' when it ends (see
 * warningsRecompute's row), which is not the write's own change: it is set aside.
 */
async function settleRecompute(jobId: string | null): Promise<void> {
  expect(jobId).not.toBeNull();
  expect(await backend.ctx.jobs.settle(jobId!)).toMatchObject({ kind: 'warningsRecompute', status: 'done' });
  expect(seen.pop()).toEqual({ entity: 'warnings' });
}

const id = (symbol: string): number => (backend.ctx.db.prepare('SELECT id FROM notifications WHERE symbol = ?').get(symbol) as { id: number }).id;

beforeAll(async () => {
  env = await emptyBackend();
  backend = env.backend;
  addAnalysts(backend);
  await importRecords(backend.ctx.db, [
    parsedRecord('G/TBT/N/SAU/1500', { distributionDate: '2026-01-15', commentDeadline: '2026-03-16' }),
    parsedRecord('G/TBT/N/KAZ/51', { distributionDate: '2026-01-15' }),
  ]);
  saudi = id('G/TBT/N/SAU/1500');
  kazakh = id('G/TBT/N/KAZ/51');
  submitted = submit(backend, commentWithPoints(backend, saudi, 3), '2026-03-12');
  // A revision after the submission: a follow-up to acknowledge.
  await importRecords(backend.ctx.db, [parsedRecord('G/TBT/N/SAU/1500/Rev.1', { distributionDate: '2026-07-01' })]);
  await importRecords(backend.ctx.db, [
    parsedRecord('G/TBT/N/SAU/1600', {
      title: 'GSO draft: prohibition of lithium-ion batteries',
      hsCodes: ['8507.60'],
      distributionDate: day(-3),
      commentDeadline: day(10),
    }),
  ]);
  batteries = id('G/TBT/N/SAU/1600');
  backend.subscribe((name, payload) => {
    if (name === 'dataChanged') seen.push(payload as Change);
  });
});
afterAll(() => env.cleanup());

/**
 * Each write channel, called on a real store, and the changes it must report: the entity a view
 * subscribes to and the local ids of the records written. In the order they run.
 */
const writes: Array<{ channel: Channel; call: () => Change[] | Promise<Change[]> }> = [
  { channel: 'notificationsTriageUpdate', call: () => (backend.call('notificationsTriageUpdate', { id: saudi, status: 'assessing' }), [{ entity: 'triage', ids: [saudi] }]) },
  {
    channel: 'notificationsTriageBatch',
    call: () => (backend.call('notificationsTriageBatch', { ids: [saudi, kazakh], relevance: 'high' }), [{ entity: 'triage', ids: [saudi, kazakh] }]),
  },
  {
    channel: 'notificationsTranslationUpdate',
    call: () => {
      backend.call('notificationsTranslationUpdate', { id: kazakh, titleZh: '技术法规', descriptionZh: '', translator: AUTHOR, status: 'draft' });
      return [{ entity: 'translations', ids: [kazakh] }];
    },
  },
  {
    channel: 'notificationsCreate',
    call: () => {
      const created = backend.call('notificationsCreate', {
        area: 'TBT',
        memberCode: 'UZB',
        title: 'Technical regulation on low-voltage equipment',
        distributionDate: '2026-03-10',
        commentDeadline: null,
      });
      return [{ entity: 'notifications', ids: [created.id] }];
    },
  },
  {
    channel: 'notificationsUpdateManual',
    call: () => {
      const manual = id('NAT/UZB/2026/0001');
      backend.call('notificationsUpdateManual', { id: manual, title: 'Technical regulation on the safety of low-voltage equipment' });
      return [{ entity: 'notifications', ids: [manual] }];
    },
  },
  {
    channel: 'attachmentsAdd',
    call: () => {
      backend.call('attachmentsAdd', { notificationId: saudi, fileRef: backend.ctx.staging.addUpload('draft.pdf', minimalPdf()).fileRef });
      return [{ entity: 'notifications', ids: [saudi] }];
    },
  },
  {
    channel: 'attachmentsRemove',
    call: () => {
      const [attachment] = backend.call('notificationsGet', { id: saudi }).attachments;
      backend.call('attachmentsRemove', { id: attachment!.id });
      return [{ entity: 'notifications', ids: [saudi] }];
    },
  },
  {
    channel: 'savedSearchSave',
    call: () => [{ entity: 'savedSearches', ids: [backend.call('savedSearchSave', { name: '沙特', query: { memberCodes: ['SAU'] } }).id] }],
  },
  {
    channel: 'savedSearchRename',
    call: () => {
      const [saved] = backend.call('savedSearchesList', {});
      backend.call('savedSearchRename', { id: saved!.id, name: '沙特阿拉伯' });
      return [{ entity: 'savedSearches', ids: [saved!.id] }];
    },
  },
  {
    channel: 'savedSearchDelete',
    call: () => {
      const [saved] = backend.call('savedSearchesList', {});
      backend.call('savedSearchDelete', { id: saved!.id });
      return [{ entity: 'savedSearches', ids: [saved!.id] }];
    },
  },
  {
    channel: 'commentTemplatesSave',
    call: () => {
      const saved = backend.call('commentTemplatesSave', { code: 'labelling', nameZh: '标签', nameEn: 'Labelling' });
      return [{ entity: 'templates', ids: [saved.id] }];
    },
  },
  {
    channel: 'commentTemplatesDelete',
    call: () => {
      const labelling = templateId(backend, 'labelling');
      backend.call('commentTemplatesDelete', { id: labelling });
      return [{ entity: 'templates', ids: [labelling] }];
    },
  },
  {
    channel: 'commentsCreate',
    call: () => {
      comment = backend.call('commentsCreate', { target: { kind: 'notification', notificationId: kazakh } });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsSave',
    call: () => {
      comment = backend.call('commentsSave', { id: comment.id, baseVersion: comment.version, titleZh: 't', titleEn: 't', points: [point(1)] });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsInsertTemplate',
    call: () => {
      const templateIdOf = templateId(backend, 'transition-period');
      comment = backend.call('commentsInsertTemplate', { commentId: comment.id, templateId: templateIdOf, baseVersion: comment.version });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsConfirmLanguage',
    call: () => {
      // Rewriting the Chinese of a clause marks its English as possibly out of date.
      const [first, ...rest] = comment.content.points;
      comment = backend.call('commentsSave', {
        id: comment.id,
        baseVersion: comment.version,
        titleZh: 't',
        titleEn: 't',
        points: [{ ...first!, clauseZh: '第1条第2款' }, ...rest],
      });
      take();
      comment = backend.call('commentsConfirmLanguage', { id: comment.id, pointKey: first!.key, part: 'clause' });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsRestore',
    call: () => {
      comment = backend.call('commentsRestore', { id: comment.id, version: 1, baseVersion: comment.version });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsTransition',
    call: () => {
      comment = backend.call('commentsTransition', { id: comment.id, to: 'in_review', baseVersion: comment.version });
      return [{ entity: 'comments', ids: [comment.id] }];
    },
  },
  {
    channel: 'commentsDelete',
    call: () => {
      // Only a draft never sent for review can be deleted.
      const draft = backend.call('commentsCreate', { target: { kind: 'notification', notificationId: saudi } });
      take();
      backend.call('commentsDelete', { id: draft.id });
      return [{ entity: 'comments', ids: [draft.id] }];
    },
  },
  {
    channel: 'commentsRecordOutcome',
    call: () => {
      backend.call('commentsRecordOutcome', { id: submitted.id, pointKey: 'p1', outcome: 'not_adopted', date: '2026-06-10' });
      return [{ entity: 'outcomes', ids: [submitted.id] }];
    },
  },
  {
    channel: 'commentsClearOutcome',
    call: () => {
      backend.call('commentsClearOutcome', { id: submitted.id, pointKey: 'p1' });
      return [{ entity: 'outcomes', ids: [submitted.id] }];
    },
  },
  {
    channel: 'commentsAcknowledgeFollowup',
    call: () => {
      backend.call('commentsAcknowledgeFollowup', { id: submitted.id, notificationId: id('G/TBT/N/SAU/1500/Rev.1') });
      return [{ entity: 'outcomes', ids: [submitted.id] }];
    },
  },
  {
    channel: 'tradeConcernsSave',
    call: () => {
      const saved = backend.call('tradeConcernsSave', { titleZh: '沙特铅酸蓄电池法规过渡期', committee: 'TBT', memberCodes: ['SAU'] });
      return [{ entity: 'tradeConcerns', ids: [saved.id] }];
    },
  },
  {
    channel: 'tradeConcernsDelete',
    call: () => {
      const [concern] = backend.call('tradeConcernsList', {});
      backend.call('tradeConcernsDelete', { id: concern!.id });
      return [{ entity: 'tradeConcerns', ids: [concern!.id] }];
    },
  },
  { channel: 'settingsUpdate', call: () => (backend.call('settingsUpdate', { internalDeadlineWorkingDays: 7 }), [{ entity: 'settings' }]) },
  {
    channel: 'referenceCountryUpdate',
    call: () => (backend.call('referenceCountryUpdate', { code: 'KAZ', nameZh: '哈萨克斯坦共和国' }), [{ entity: 'countries', ids: ['KAZ'] }]),
  },
  {
    channel: 'analystsSave',
    call: () => {
      const saved = backend.call('analystsSave', { name: '王芳', active: true }).find((a) => a.name === '王芳');
      return [{ entity: 'analysts', ids: [saved!.uid] }];
    },
  },
  {
    channel: 'analystsSetActing',
    call: () => {
      const reviewer = backend.call('analystsList', {}).find((a) => a.name === REVIEWER)!;
      backend.call('analystsSetActing', { uid: reviewer.uid });
      return [{ entity: 'analysts', ids: [reviewer.uid] }];
    },
  },
  {
    channel: 'enterprisesSave',
    call: () => {
      const saved = backend.call('enterprisesSave', {
        name: '福州锂能科技有限公司',
        creditCode: creditCode(1),
        exposure: [{ hsCode: '850760', market: 'SAU', annualExportUsd: 20_000_000 }],
      });
      exporter = saved.uid;
      return [{ entity: 'enterprises', ids: [exporter] }, { entity: 'warnings' }];
    },
  },
  {
    channel: 'warningsOverride',
    call: () => {
      const [found] = backend.call('warningsList', { enterpriseUid: exporter, notificationId: batteries }).items;
      warning = found!.uid;
      // A level other than the computed one (red or orange both keep it for the batch of letters).
      backend.call('warningsOverride', { uid: warning, level: found!.level === 'red' ? 'orange' : 'red', reason: '出口额已核实' });
      return [{ entity: 'warnings', ids: [warning] }];
    },
  },
  {
    channel: 'warningsTransition',
    call: () => (backend.call('warningsTransition', { uid: warning, state: 'acknowledged' }), [{ entity: 'warnings', ids: [warning] }]),
  },
  {
    channel: 'warningsPlanResponse',
    call: () => {
      const owner = backend.call('analystsList', {}).find((a) => a.name === AUTHOR)!;
      backend.call('warningsPlanResponse', { uid: warning, kind: 'comment', ownerUid: owner.uid, dueDate: day(7) });
      return [{ entity: 'warnings', ids: [warning] }];
    },
  },
  {
    channel: 'warningLettersMake',
    call: async () => {
      ({ letter } = await backend.callAsync('warningLettersMake', { enterpriseUid: exporter, format: 'docx' }));
      expect(letter.warningUids).toContain(warning);
      return [{ entity: 'warnings', ids: letter.warningUids }];
    },
  },
  {
    channel: 'warningLettersRecordDelivery',
    call: () => {
      backend.call('warningLettersRecordDelivery', { uid: letter.uid, date: day(0), channel: 'email' });
      return [{ entity: 'warnings', ids: letter.warningUids }];
    },
  },
  {
    channel: 'warningLettersRecordAcknowledgement',
    call: () => {
      backend.call('warningLettersRecordAcknowledgement', { uid: letter.uid, date: day(0) });
      return [{ entity: 'warnings', ids: letter.warningUids }];
    },
  },
  {
    channel: 'warningLettersBatch',
    call: async () => {
      const made = await backend.callAsync('warningLettersBatch', { notificationId: batteries, format: 'docx' });
      expect(made.map((m) => m.letter.enterpriseUid)).toEqual([exporter]);
      return [{ entity: 'warnings', ids: made.flatMap((m) => m.letter.warningUids) }];
    },
  },
  {
    channel: 'reportsMake',
    call: async () => {
      const { jobId } = backend.call('reportsMake', { params: { kind: 'outcomes', from: day(-365), to: day(0) }, formats: ['xlsx'] });
      expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ status: 'done' });
      const state = backend.call('jobsGet', { jobId });
      report = state.kind === 'reportMake' ? state.result!.uid : '';
      expect(report).not.toBe('');
      return [{ entity: 'reports', ids: [report] }];
    },
  },
  {
    channel: 'reportsDelete',
    call: () => (backend.call('reportsDelete', { uid: report }), [{ entity: 'reports', ids: [report] }]),
  },
  {
    channel: 'warningsRecompute',
    call: async () => {
      const { jobId } = backend.call('warningsRecompute', {});
      expect(await backend.ctx.jobs.settle(jobId)).toMatchObject({ status: 'done' });
      return [{ entity: 'warnings' }];
    },
  },
  {
    channel: 'warningRulesSave',
    call: async () => {
      const { jobId } = backend.call('warningRulesSave', DEFAULT_WARNING_RULES);
      await settleRecompute(jobId);
      return [{ entity: 'settings' }];
    },
  },
  {
    channel: 'focusIndustriesSave',
    call: async () => {
      const saved = backend.call('focusIndustriesSave', { code: 'storage-batteries', nameZh: '储能电池', hsCodes: ['850760'] });
      industry = saved.industry.uid;
      await settleRecompute(saved.jobId);
      return [{ entity: 'settings' }];
    },
  },
  {
    channel: 'focusIndustriesDelete',
    call: async () => {
      const { jobId } = backend.call('focusIndustriesDelete', { uid: industry });
      await settleRecompute(jobId);
      return [{ entity: 'settings' }];
    },
  },
  {
    channel: 'enterprisesImport',
    call: async () => {
      const file = writeCsv(env.dir, 'enterprises.csv', [ZH_HEADER, ['厦门储能有限公司', creditCode(2), '福建省厦门市', '储能', '850760', 'SAU', 1_000_000, '', '', '']]);
      const report = await backend.callAsync('enterprisesImport', { fileRef: backend.ctx.staging.addPath(file).fileRef });
      await settleRecompute(report.warningsJobId);
      imported = backend.ctx.db.prepare('SELECT uid FROM enterprises WHERE credit_code = ?').pluck().get(creditCode(2)) as string;
      return [{ entity: 'enterprises', ids: [imported] }];
    },
  },
  {
    channel: 'tradeExposureImport',
    call: async () => {
      const lastYear = Number(todayOf(backend.ctx.clock).slice(0, 4)) - 1;
      const file = writeCsv(env.dir, 'customs.csv', [['HS编码', '目的地', '年份', '出口额（美元）'], ['850760', 'SAU', lastYear, 7_000_000]]);
      const report = await backend.callAsync('tradeExposureImport', { fileRef: backend.ctx.staging.addPath(file).fileRef });
      await settleRecompute(report.warningsJobId);
      // Customs figures are China's exports by product and destination, no one enterprise's.
      return [{ entity: 'enterprises' }];
    },
  },
  {
    channel: 'enterprisesDelete',
    call: () => (backend.call('enterprisesDelete', { uid: imported }), [{ entity: 'enterprises', ids: [imported] }, { entity: 'warnings' }]),
  },
  {
    channel: 'demoLoad',
    call: () => {
      backend.call('demoLoad', {});
      return ['notifications', 'translations', 'comments', 'outcomes', 'tradeConcerns', 'analysts', 'settings', 'enterprises', 'warnings'].map(
        (entity) => ({ entity }) as Change,
      );
    },
  },
  {
    channel: 'notificationsImportStart',
    call: async () => {
      const file = await writeEpingXlsx(`${env.dir}/eping.xlsx`, [epingRow({ 'Document symbol': 'G/TBT/N/KAZ/52' })]);
      const done = new Promise<void>((resolve) => backend.subscribe((name) => name === 'jobDone' && resolve()));
      const { jobId } = backend.call('notificationsImportStart', { fileRef: backend.ctx.staging.addPath(file).fileRef });
      await done;
      const state = backend.call('jobsGet', { jobId });
      const report = state.kind === 'import' ? state.result! : null!;
      // The job ends with a warnings pass over what it added.
      return [{ entity: 'notifications' }, { entity: 'imports', ids: [report.importId] }, { entity: 'warnings' }];
    },
  },
  {
    channel: 'backupsConfigure',
    call: () => (backend.call('backupsConfigure', { folder: null }), [{ entity: 'backups' }]),
  },
  {
    channel: 'backupsCreate',
    call: async () => {
      backend.call('backupsCreate', {});
      await backend.ctx.backups.settle();
      return [{ entity: 'backups', ids: [backend.call('backupsList', {}).backups[0]!.id] }];
    },
  },
  {
    channel: 'backupsRestore',
    call: () => {
      backend.call('backupsRestore', { id: backend.call('backupsList', {}).backups[0]!.id });
      return [{ entity: '*' }];
    },
  },
  {
    channel: 'backupsDelete',
    call: () => {
      const [newest] = backend.call('backupsList', {}).backups;
      backend.call('backupsDelete', { id: newest!.id });
      return [{ entity: 'backups', ids: [newest!.id] }];
    },
  },
  {
    channel: 'recoveryChoose',
    call: async () => {
      // A store that cannot be opened, with a good backup: the app starts in recovery.
      const tmp = makeTempDir();
      const options = { dataDir: tmp.dir, appVersion: 'test', clock: testClock(), onQuit: () => undefined };
      const first = await startBackend(options);
      await first.ctx.backups.create('daily');
      first.close();
      fs.writeFileSync(path.join(tmp.dir, DATABASE_FILE), Buffer.alloc(48 * 1024, 0x5a));
      const { backend: recovering } = await startBackendOrRecover(options);
      const changes: Change[] = [];
      recovering.subscribe((name, payload) => name === 'dataChanged' && changes.push(payload as Change));
      try {
        recovering.call('recoveryChoose', { choice: 'restore-newest' });
        seen.push(...changes);
      } finally {
        recovering.close();
        tmp.cleanup();
      }
      return [{ entity: '*' }];
    },
  },
];

/** Channels that change nothing a view shows: reads, exports to files, a cancel, the store check. */
const QUIET: Channel[] = [
  'appInfo',
  'settingsGet',
  'referenceCountries',
  'auditList',
  'analystsList',
  'analystsActing',
  'notificationsList',
  'notificationsMatchingIds',
  'notificationsGet',
  'attachmentsOpen',
  'savedSearchesList',
  'industriesList',
  'importsList',
  'importsGet',
  'jobsGet',
  'jobsList',
  'jobsCancel',
  'commentTemplatesList',
  'commentsList',
  'commentsGet',
  'commentsDashboard',
  'commentsVersions',
  'commentsVersionGet',
  'commentsDiff',
  'commentsStats',
  'commentsExport',
  'tradeConcernsList',
  'tradeConcernsGet',
  'tradeConcernsExport',
  'storeHealth',
  'storeCheck',
  'backupsList',
  'backupsSummary',
  'recoveryStatus',
  'enterprisesList',
  'enterprisesGet',
  'enterprisesTemplate',
  'tradeExposureSummary',
  'focusIndustriesList',
  'warningsList',
  'warningsGet',
  'warningRulesGet',
  'warningsForNotification',
  'warningAlerts',
  'warningLettersList',
  'dashboardGet',
  /** An export only reads the store and writes a file. */
  'exportsStart',
  'exportsFetch',
  'reportsPreview',
  'reportsHistory',
  'reportsFetch',
];

describe('change events by entity', () => {
  it('tests every write the contract lists, and lists every other channel as changing nothing shown', () => {
    expect(writes.map((w) => w.channel).sort()).toEqual(Object.keys(WRITE_CHANGES).sort());
    expect([...writes.map((w) => w.channel), ...QUIET].sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(writes.map((w) => [w.channel, w] as const))('%s reports the entities the contract lists and the ids it wrote', async (channel, write) => {
    take();
    const expected = await write.call();
    expect(expected.map((c) => c.entity)).toEqual(WRITE_CHANGES[channel as keyof typeof WRITE_CHANGES]);
    expect(take()).toEqual(expected);
  });

  it('a read, an export or a store check reports no change', async () => {
    take();
    backend.call('notificationsList', {});
    backend.call('commentsDashboard', {});
    await backend.callAsync('commentsExport', { id: submitted.id, language: 'zh' });
    await backend.callAsync('storeCheck', { full: false });
    backend.call('warningsList', {});
    backend.call('warningAlerts', {});
    backend.call('enterprisesList', {});
    await backend.callAsync('enterprisesTemplate', { format: 'xlsx', locale: 'zh-CN' });
    expect(take()).toEqual([]);
  });
});
