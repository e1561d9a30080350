import { describe, expect, it } from 'vitest';
import { WRITE_CHANGES, type Channel, type EventPayload } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { createFakeBackend, makeBackup, makeImportReport, makeNotification, type FakeBackend } from './fake-backend';
import { commentsOf, makeComment } from './fake-comments';
import { FAKE_ENTERPRISES, FAKE_WARNING_UIDS, warningsOf } from './fake-warnings';
import { DEFAULT_WARNING_RULES } from '../../shared/domain/warning-rules';
import { FAKE_CREDIT_CODES, registryOf } from './fake-enterprises';
import { reportsOf } from './fake-reports';

type Change = EventPayload<'dataChanged'>;
type WriteChannel = keyof typeof WRITE_CHANGES;

/** The comment the calls below create and then work on. */
let draft = { id: 0, version: 0 };
const follow = (c: { id: number; version: number }) => (draft = { id: c.id, version: c.version });

/** Calls of each write channel the fake answers, on the backend the test sets up below. */
const CALLS: Partial<Record<WriteChannel, (b: FakeBackend) => Promise<unknown>>> = {
  notificationsTriageUpdate: (b) => b.client.api.notificationsTriageUpdate({ id: 1, status: 'assessing' }),
  notificationsTriageBatch: (b) => b.client.api.notificationsTriageBatch({ ids: [1, 2], status: 'closed' }),
  notificationsTranslationUpdate: (b) => b.client.api.notificationsTranslationUpdate({ id: 1, titleZh: '标题', descriptionZh: '', translator: '张敏', status: 'draft' }),
  notificationsCreate: (b) => b.client.api.notificationsCreate({ area: 'TBT', memberCode: 'KAZ', title: 'Draft', distributionDate: '2026-03-10', commentDeadline: null }),
  notificationsUpdateManual: (b) => b.client.api.notificationsUpdateManual({ id: 3, title: 'Draft regulation' }),
  attachmentsAdd: async (b) => {
    const { fileRef } = await b.client.stageFile(new File(['%PDF-1.4'], 'draft.pdf', { type: 'application/pdf' }));
    return b.client.api.attachmentsAdd({ notificationId: 1, fileRef });
  },
  attachmentsRemove: (b) => b.client.api.attachmentsRemove({ id: b.notifications[0]!.attachments[0]!.id }),
  notificationsImportStart: async (b) => {
    const { jobId } = await b.client.api.notificationsImportStart({ fileRef: 'f'.repeat(32) });
    b.finishJob(jobId, { report: makeImportReport({ importId: 7 }) });
  },
  savedSearchSave: (b) => b.client.api.savedSearchSave({ name: '沙特', query: {} }),
  savedSearchRename: (b) => b.client.api.savedSearchRename({ id: b.savedSearches[0]!.id, name: '沙特阿拉伯' }),
  savedSearchDelete: (b) => b.client.api.savedSearchDelete({ id: b.savedSearches[0]!.id }),
  commentsCreate: async (b) => follow(await b.client.api.commentsCreate({ target: { kind: 'notification', notificationId: 1 } })),
  commentsSave: async (b) =>
    follow(await b.client.api.commentsSave({ id: draft.id, baseVersion: draft.version, titleZh: 't', titleEn: 't', points: [] })),
  commentsInsertTemplate: async (b) =>
    follow(await b.client.api.commentsInsertTemplate({ commentId: draft.id, templateId: commentsOf(b).templates[0]!.id, baseVersion: draft.version })),
  commentsConfirmLanguage: async (b) => {
    const c = commentsOf(b).comments.find((x) => x.id === draft.id)!;
    const pointKey = c.content.points[0]!.key;
    c.languageMarks.push({ pointKey, part: 'clause', stale: 'en', markedAt: b.now, markedBy: '张敏', markedByUid: commentsOf(b).analysts[0]!.uid });
    follow(await b.client.api.commentsConfirmLanguage({ id: draft.id, pointKey, part: 'clause' }));
  },
  commentsTransition: (b) => b.client.api.commentsTransition({ id: draft.id, to: 'in_review', baseVersion: draft.version }),
  commentsDelete: (b) => b.client.api.commentsDelete({ id: 9 }),
  commentsRecordOutcome: (b) => b.client.api.commentsRecordOutcome({ id: 8, pointKey: 'p1', outcome: 'not_adopted' }),
  commentsClearOutcome: (b) => b.client.api.commentsClearOutcome({ id: 8, pointKey: 'p1' }),
  commentsAcknowledgeFollowup: (b) => b.client.api.commentsAcknowledgeFollowup({ id: 8, notificationId: 2 }),
  tradeConcernsSave: (b) => b.client.api.tradeConcernsSave({ titleZh: '过渡期', committee: 'TBT', memberCodes: ['SAU'] }),
  settingsUpdate: (b) => b.client.api.settingsUpdate({ internalDeadlineWorkingDays: 7 }),
  analystsSave: (b) => b.client.api.analystsSave({ name: '王芳', active: true }),
  analystsSetActing: (b) => b.client.api.analystsSetActing({ uid: commentsOf(b).analysts[1]!.uid }),
  demoLoad: (b) => b.client.api.demoLoad({}),
  backupsConfigure: (b) => b.client.api.backupsConfigure({ folder: null }),
  backupsCreate: async (b) => {
    await b.client.api.backupsCreate({});
    b.backups.finish(makeBackup({ id: '20261121-060000-manual', kind: 'manual' }));
  },
  backupsRestore: (b) => b.client.api.backupsRestore({ id: '20261121-060000-manual' }),
  backupsDelete: (b) => b.client.api.backupsDelete({ id: '20261121-060000-manual' }),
  enterprisesSave: (b) => b.client.api.enterprisesSave({ name: '海润水产', creditCode: FAKE_CREDIT_CODES[0] }),
  enterprisesDelete: (b) => b.client.api.enterprisesDelete({ uid: registryOf(b).enterprises[0]!.uid }),
  enterprisesImport: async (b) => {
    const { fileRef } = await b.client.stageFile(new File(['a'], 'list.xlsx'));
    return b.client.api.enterprisesImport({ fileRef });
  },
  tradeExposureImport: async (b) => {
    const { fileRef } = await b.client.stageFile(new File(['a'], 'customs.csv'));
    return b.client.api.tradeExposureImport({ fileRef });
  },
  focusIndustriesSave: (b) => b.client.api.focusIndustriesSave({ code: 'toys', nameZh: '玩具', hsCodes: ['9503'] }),
  focusIndustriesDelete: (b) => b.client.api.focusIndustriesDelete({ uid: registryOf(b).focusIndustries.find((f) => f.code === 'toys')!.uid }),
  warningRulesSave: (b) => b.client.api.warningRulesSave(DEFAULT_WARNING_RULES),
  recoveryChoose: (b) => {
    b.backups.recovery = { ...b.backups.recovery, mode: 'recovery', choices: ['restore-newest', 'read-only', 'quit'] };
    return b.client.api.recoveryChoose({ choice: 'read-only' });
  },
  warningsOverride: (b) => b.client.api.warningsOverride({ uid: FAKE_WARNING_UIDS.toys, level: 'red', reason: '出口额被低估' }),
  warningsTransition: (b) => b.client.api.warningsTransition({ uid: FAKE_WARNING_UIDS.toys, state: 'acknowledged' }),
  warningsPlanResponse: (b) => b.client.api.warningsPlanResponse({ uid: FAKE_WARNING_UIDS.toys, kind: 'adapt', ownerUid: commentsOf(b).analysts[0]!.uid, dueDate: '2026-12-31' }),
  warningLettersMake: (b) => b.client.api.warningLettersMake({ enterpriseUid: FAKE_ENTERPRISES.toys.uid }),
  warningLettersBatch: (b) => b.client.api.warningLettersBatch({ notificationId: 1 }),
  warningLettersRecordDelivery: (b) => b.client.api.warningLettersRecordDelivery({ uid: warningsOf(b).letters[0]!.uid, date: '2026-11-21', channel: 'email' }),
  warningLettersRecordAcknowledgement: (b) => b.client.api.warningLettersRecordAcknowledgement({ uid: warningsOf(b).letters[0]!.uid, date: '2026-11-22' }),
  // 'reports' when the job ends, as the real job reports it.
  reportsMake: async (b) => {
    const { jobId } = await b.client.api.reportsMake({ params: { kind: 'bulletin', from: '2026-10-01', to: '2026-10-31' }, formats: ['docx'] });
    reportsOf(b).finish(jobId);
  },
  reportsDelete: (b) => b.client.api.reportsDelete({ uid: reportsOf(b).records[0]!.uid }),
};

async function unknownToFake(backend: FakeBackend, channel: Channel): Promise<boolean> {
  const call = backend.client.api[channel] as (input: unknown) => Promise<unknown>;
  try {
    await call({});
  } catch (e) {
    return e instanceof ApiError && e.code === 'UNKNOWN_CHANNEL';
  }
  return false;
}

describe('the fake backend', () => {
  it('reports the entities the contract lists for each write it answers, as the real handlers do', async () => {
    const backend = createFakeBackend({
      notifications: [
        makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1500', source: 'eping' }),
        makeNotification({ id: 2, symbol: 'G/TBT/N/SAU/1500/Rev.1', source: 'eping' }),
        makeNotification({ id: 3, symbol: 'NAT/UZB/2026/0001', source: 'manual' }),
      ],
    });
    warningsOf(backend).seed();
    const comments = commentsOf(backend).comments;
    comments.push(makeComment({ id: 9 }));
    comments.push(makeComment({ id: 8, status: 'submitted', followups: [{ notificationId: 2, symbol: 'G/TBT/N/SAU/1500/Rev.1', docType: 'revision', title: 'Revision', distributionDate: '2026-07-01', detectedAt: '2026-07-02T00:00:00.000Z', acknowledgedBy: null, acknowledgedByUid: null, acknowledgedAt: null } as never] }));
    const seen: Change[] = [];
    backend.client.subscribe('dataChanged', (change) => seen.push(change));

    for (const channel of Object.keys(WRITE_CHANGES) as WriteChannel[]) {
      const call = CALLS[channel];
      if (!call) {
        // A channel the fake does not answer yet; one it answers needs a call above.
        expect(await unknownToFake(backend, channel), channel).toBe(true);
        continue;
      }
      seen.splice(0);
      await call(backend);
      expect(
        seen.map((c) => c.entity),
        channel,
      ).toEqual(WRITE_CHANGES[channel]);
    }
  });
});
