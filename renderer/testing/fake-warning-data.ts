import type { Warning, WarningFactor, WarningLevel, WarningMeasure } from '../../shared/contract';
import { DEFAULT_WARNING_RULES } from '../../shared/domain/warning-rules';

/** Fixed uids for the example warnings, so tests can open one by address. */
export const FAKE_WARNING_UIDS = {
  batteries: '019a9f3c-3a00-7000-8000-000000000001',
  batteriesIndustry: '019a9f3c-3a00-7000-8000-000000000002',
  toys: '019a9f3c-3a00-7000-8000-000000000003',
  tea: '019a9f3c-3a00-7000-8000-000000000004',
} as const;

export const FAKE_ENTERPRISES = {
  battery: { uid: '019a9f3c-3b00-7000-8000-000000000001', name: '宁远新能源电池有限公司', creditCode: '91330100MA2B3C4D5E' },
  toys: { uid: '019a9f3c-3b00-7000-8000-000000000002', name: '义乌乐童玩具有限公司', creditCode: '91330782MA28XQ5L3K' },
  tea: { uid: '019a9f3c-3b00-7000-8000-000000000003', name: '安溪清香茶业有限公司', creditCode: '91350524MA31GTN27J' },
} as const;

const w = DEFAULT_WARNING_RULES.weights;

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function factor(key: WarningFactor['key'], value: string, points: number, params: WarningFactor['params'] = {}, evidence: WarningFactor['evidence'] = []): WarningFactor {
  return { key, value, params, points, max: w[key], evidence };
}

const levelOf = (score: number): WarningLevel => {
  const t = DEFAULT_WARNING_RULES.thresholds;
  return score >= t.red ? 'red' : score >= t.orange ? 'orange' : score >= t.yellow ? 'yellow' : 'blue';
};

function measure(over: Partial<WarningMeasure> & Pick<WarningMeasure, 'symbols' | 'notificationId' | 'title' | 'members'>): WarningMeasure {
  return { key: `base:${over.symbols[0]}`, area: 'TBT', titleZh: null, commentDeadline: null, adoption: null, entryIntoForce: null, stage: 'draft', ...over };
}

/** A warning whose score is the sum of its factors and whose level follows from the default thresholds. */
function warning(uid: string, at: string, rest: Omit<Warning, 'uid' | 'score' | 'computedLevel' | 'level' | 'overridden' | 'createdAt' | 'computedAt' | 'override' | 'history' | 'letters' | 'state' | 'closeReason' | 'response'>): Warning {
  const score = rest.factors.reduce((sum, f) => sum + f.points, 0);
  const level = levelOf(score);
  return {
    uid,
    ...rest,
    score,
    computedLevel: level,
    level,
    overridden: false,
    override: null,
    state: 'new',
    closeReason: null,
    response: null,
    createdAt: at,
    computedAt: at,
    history: [{ at, by: '系统', kind: 'computed', score, level, state: 'new', note: '' }],
    letters: [],
  };
}

/**
 * A few warnings as the engine would make them, dated from `now`: a red one for a battery
 * exporter on a Saudi regulation with certification, the same measure for the focus industry,
 * an orange toy warning with a broad match, and a yellow tea warning matched only by text.
 */
export function fakeWarnings(now: string): Warning[] {
  const today = now.slice(0, 10);
  const sau = measure({
    symbols: ['G/TBT/N/SAU/1201'],
    notificationId: 1,
    title: 'Technical regulation for lithium-ion batteries',
    titleZh: '锂离子电池技术法规',
    members: ['SAU'],
    commentDeadline: addDays(today, 30),
    entryIntoForce: addDays(today, 150),
  });
  const evidence = [
    { symbol: 'G/TBT/N/SAU/1201', field: 'description', text: 'mandatory certification of conformity' },
    { symbol: 'G/TBT/N/SAU/1201', field: 'title', text: 'Technical regulation' },
  ];
  const batteryFactors = [
    factor('exposure', 'usd', 25, { usd: 5_000_000, source: 'enterprise' }),
    factor('match', 'line', 20, { hsCode: '850760', measureCode: '850760' }),
    factor('nature', 'conformity', 16, {}, evidence),
    factor('deviation', 'none', 0),
    factor('commentWindow', 'days', 6, { days: 30 }),
    factor('entryIntoForce', 'days', 3, { days: 150 }),
    factor('shortInterval', 'unknown', 0),
    factor('focusIndustry', 'industry', 5, { industry: 'lithium-battery' }),
    factor('laterDocuments', 'draft', 0),
  ];
  const battery = warning(FAKE_WARNING_UIDS.batteries, now, {
    measure: sau,
    target: { kind: 'enterprise', enterpriseUid: FAKE_ENTERPRISES.battery.uid, name: FAKE_ENTERPRISES.battery.name, creditCode: FAKE_ENTERPRISES.battery.creditCode },
    match: 'direct',
    valueUsd: 5_000_000,
    nextDeadline: sau.commentDeadline,
    factors: batteryFactors,
    matches: [{ hsCode: '850760', market: 'SAU', depth: 'line', measureCode: '850760', valueUsd: 5_000_000, valueSource: 'enterprise' }],
  });
  const industry = warning(FAKE_WARNING_UIDS.batteriesIndustry, now, {
    measure: sau,
    target: { kind: 'industry', industryCode: 'lithium-battery', nameZh: '锂电池', nameEn: 'Lithium-ion batteries' },
    match: 'direct',
    valueUsd: 120_000_000,
    nextDeadline: sau.commentDeadline,
    factors: batteryFactors.map((f) => (f.key === 'exposure' ? { ...f, points: 20, params: { usd: 120_000_000, source: 'customs' } } : f)),
    matches: [{ hsCode: '850760', market: 'SAU', depth: 'line', measureCode: '850760', valueUsd: 120_000_000, valueSource: 'customs' }],
  });
  const toysMeasure = measure({
    symbols: ['G/TBT/N/OMN/88', 'G/TBT/N/OMN/88/Add.1'],
    notificationId: 2,
    title: 'Safety of toys',
    members: ['OMN'],
    commentDeadline: addDays(today, 5),
    stage: 'adopted',
    adoption: addDays(today, -3),
  });
  const toys = warning(FAKE_WARNING_UIDS.toys, addDays(today, -2) + 'T08:00:00.000Z', {
    measure: toysMeasure,
    target: { kind: 'enterprise', enterpriseUid: FAKE_ENTERPRISES.toys.uid, name: FAKE_ENTERPRISES.toys.name, creditCode: FAKE_ENTERPRISES.toys.creditCode },
    match: 'broad',
    valueUsd: 800_000,
    nextDeadline: toysMeasure.commentDeadline,
    factors: [
      factor('exposure', 'usd', 17, { usd: 800_000, source: 'enterprise' }),
      factor('match', 'heading', 10, { hsCode: '950300', measureCode: '9503' }),
      factor('nature', 'regulation', 12, {}, [{ symbol: 'G/TBT/N/OMN/88', field: 'title', text: 'Safety of toys' }]),
      factor('deviation', 'none', 0),
      factor('commentWindow', 'days', 8, { days: 5 }),
      factor('entryIntoForce', 'unknown', 0),
      factor('shortInterval', 'unknown', 0),
      factor('focusIndustry', 'none', 0),
      factor('laterDocuments', 'adopted', 3, {}, [{ symbol: 'G/TBT/N/OMN/88/Add.1', field: 'description', text: 'adopted on' }]),
    ],
    matches: [{ hsCode: '950300', market: 'OMN', depth: 'heading', measureCode: '9503', valueUsd: 800_000, valueSource: 'enterprise' }],
  });
  const teaMeasure = measure({
    symbols: ['G/SPS/N/KAZ/40'],
    notificationId: 3,
    area: 'SPS',
    title: 'Maximum residue limits of pesticides in tea',
    titleZh: '茶叶中农药最大残留限量',
    members: ['KAZ'],
    commentDeadline: addDays(today, 60),
  });
  const tea = warning(FAKE_WARNING_UIDS.tea, addDays(today, -10) + 'T08:00:00.000Z', {
    measure: teaMeasure,
    target: { kind: 'enterprise', enterpriseUid: FAKE_ENTERPRISES.tea.uid, name: FAKE_ENTERPRISES.tea.name, creditCode: FAKE_ENTERPRISES.tea.creditCode },
    match: 'text',
    valueUsd: null,
    nextDeadline: teaMeasure.commentDeadline,
    factors: [
      factor('exposure', 'unknown', 0),
      factor('match', 'text', 5, {}, [{ symbol: 'G/SPS/N/KAZ/40', field: 'products', text: 'tea' }]),
      factor('nature', 'residueLimit', 18, {}, [{ symbol: 'G/SPS/N/KAZ/40', field: 'title', text: 'Maximum residue limits' }]),
      factor('deviation', 'stated', 8, {}, [{ symbol: 'G/SPS/N/KAZ/40', field: 'internationalStandard', text: 'No' }]),
      factor('commentWindow', 'days', 2, { days: 60 }),
      factor('entryIntoForce', 'unknown', 0),
      factor('shortInterval', 'unknown', 0),
      factor('focusIndustry', 'none', 0),
      factor('laterDocuments', 'draft', 0),
    ],
    matches: [{ hsCode: '090220', market: 'KAZ', depth: 'text', measureCode: null, valueUsd: null, valueSource: 'none' }],
  });
  return [battery, industry, toys, tea];
}
