import type { Enterprise, EnterpriseImportReport, Warning, WarningLetter } from '../../shared/contract';

const NOW = '2026-11-21T06:00:00.000Z';

let uidCount = 0;
/** A well-formed record uid (UUIDv7 shape), different each call. */
export function fakeEnterpriseUid(): string {
  uidCount += 1;
  return `01900000-0000-7000-8000-${uidCount.toString(16).padStart(12, '0')}`;
}

/** Valid credit codes (their check characters computed by GB 32100) for the fake registry. */
export const FAKE_CREDIT_CODES = ['91350100M000100Y43', '91440300MA5EXAMP5U', '91320100754123546J'] as const;

/** A complete enterprise with plausible values; override what the test is about. */
export function makeEnterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    uid: fakeEnterpriseUid(),
    name: '福建海润水产有限公司',
    creditCode: FAKE_CREDIT_CODES[0],
    province: '福建省',
    city: '福州市',
    industry: '水产品加工',
    contacts: [{ person: '林海', phone: '0591-8888 0001', email: 'export@hairun.example' }],
    notes: '',
    exposure: [
      { uid: fakeEnterpriseUid(), hsCode: '030389', market: 'KAZ', marketNameZh: '哈萨克斯坦', marketNameEn: 'Kazakhstan', annualExportUsd: 1_250_000 },
    ],
    createdAt: NOW,
    createdBy: '张敏',
    createdById: '01900000-0000-7000-8000-00000000a001',
    updatedAt: NOW,
    updatedBy: '张敏',
    updatedById: '01900000-0000-7000-8000-00000000a001',
    ...overrides,
  };
}

/** A warning of an enterprise as the inbox lists it; override what the test is about. */
export function makeEnterpriseWarning(enterprise: Pick<Enterprise, 'uid' | 'name' | 'creditCode'>, overrides: Partial<Warning> = {}): Warning {
  return {
    uid: fakeEnterpriseUid(),
    measure: {
      key: 'base:G/SPS/N/KAZ/9301',
      area: 'SPS',
      symbols: ['G/SPS/N/KAZ/9301'],
      notificationId: 1,
      title: 'Maximum levels of contaminants in fish and aquatic products',
      titleZh: '鱼类及水产品污染物最大限量',
      members: ['KAZ'],
      commentDeadline: '2026-12-20',
      adoption: null,
      entryIntoForce: null,
      stage: 'draft',
    },
    target: { kind: 'enterprise', enterpriseUid: enterprise.uid, name: enterprise.name, creditCode: enterprise.creditCode },
    score: 74,
    computedLevel: 'red',
    level: 'red',
    overridden: false,
    match: 'direct',
    valueUsd: 1_250_000,
    state: 'new',
    closeReason: null,
    response: null,
    nextDeadline: '2026-12-20',
    createdAt: NOW,
    computedAt: NOW,
    factors: [],
    matches: [],
    override: null,
    history: [],
    letters: [],
    ...overrides,
  };
}

/** A letter made for an enterprise; override what the test is about. */
export function makeLetter(enterprise: Pick<Enterprise, 'uid' | 'name'>, overrides: Partial<WarningLetter> = {}): WarningLetter {
  return {
    uid: fakeEnterpriseUid(),
    enterpriseUid: enterprise.uid,
    enterpriseName: enterprise.name,
    warningUids: [],
    symbols: ['G/SPS/N/KAZ/9301'],
    format: 'docx',
    fileName: `预警函-${enterprise.name}.docx`,
    createdAt: NOW,
    createdBy: '张敏',
    delivery: null,
    acknowledgement: null,
    ...overrides,
  };
}

/** What an enterprise import answers, without the parts the fake fills in (id, file name, job). */
export type FakeImportOutcome = Omit<EnterpriseImportReport, 'importId' | 'fileName' | 'format' | 'warningsJobId'> & { recompute: boolean };

/** An import that added two enterprises and refused one row for its credit code. */
export function makeEnterpriseImportOutcome(overrides: Partial<FakeImportOutcome> = {}): FakeImportOutcome {
  return {
    rowsRead: 3,
    enterprisesAdded: 2,
    enterprisesUpdated: 0,
    enterprisesUnchanged: 0,
    linesAdded: 2,
    linesUpdated: 0,
    linesUnchanged: 0,
    rejected: 1,
    rejections: [
      {
        row: 4,
        field: 'credit_code',
        reason: 'the check character should be 3, not 5',
        value: '91350100M000100Y45',
        code: 'creditCode.check',
        params: { expected: '3', found: '5' },
      },
    ],
    notices: [],
    recompute: true,
    ...overrides,
  };
}
