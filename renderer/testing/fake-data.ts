import type { Country, Industry, NotificationDetail } from '../../shared/contract';

export const FAKE_COUNTRIES: Country[] = [
  { code: 'CHN', nameZh: '中国', nameEn: 'China', epingName: 'China', scoStatus: 'member', wtoMember: true, blocs: [] },
  { code: 'KAZ', nameZh: '哈萨克斯坦', nameEn: 'Kazakhstan', epingName: 'Kazakhstan', scoStatus: 'member', wtoMember: true, blocs: ['EAEU'] },
  {
    code: 'SAU',
    nameZh: '沙特阿拉伯',
    nameEn: 'Saudi Arabia',
    epingName: 'Saudi Arabia, Kingdom of',
    scoStatus: 'partner',
    wtoMember: true,
    blocs: ['GCC'],
  },
  { code: 'OMN', nameZh: '阿曼', nameEn: 'Oman', epingName: 'Oman', scoStatus: null, wtoMember: true, blocs: ['GCC'] },
];

/** A complete notification record with plausible values; override what the test is about. */
export function makeNotification(overrides: Partial<NotificationDetail> & Pick<NotificationDetail, 'id' | 'symbol'>): NotificationDetail {
  return {
    area: 'TBT',
    memberCode: 'SAU',
    memberName: '沙特阿拉伯',
    docType: 'regular',
    title: 'Draft technical regulation on energy efficiency of household refrigerators',
    titleZh: null,
    distributionDate: '2026-11-01',
    commentDeadline: '2026-12-31',
    source: 'demo',
    baseSymbol: overrides.symbol,
    parentSymbol: null,
    description: 'Minimum energy-performance requirements and labelling.',
    products: 'Household refrigerators',
    hsCodes: ['8418.10'],
    icsCodes: ['97.040.30'],
    keywords: ['energy efficiency'],
    objectives: ['Protection of the environment'],
    notificationType: 'Regular notification',
    proposedAdoption: null,
    proposedEntryIntoForce: null,
    countriesAffected: [],
    jointSymbols: [],
    familyId: null,
    documentLinks: [],
    links: { en: null, fr: null, es: null },
    createdAt: '2026-11-21T05:00:00.000Z',
    updatedAt: '2026-11-21T05:00:00.000Z',
    triage: { status: 'new', relevance: null, assignee: null, assigneeId: null, notes: '', industries: [], updatedAt: null, updatedBy: null, updatedById: null },
    translation: null,
    deadline: { daysLeft: 40, state: 'open' },
    timeline: [],
    missingBase: null,
    family: null,
    attachments: [],
    changes: [],
    ...overrides,
  };
}

export const DEMO_SET: Array<Pick<NotificationDetail, 'symbol' | 'memberCode' | 'memberName' | 'title'>> = [
  { symbol: 'G/TBT/N/SAU/9002', memberCode: 'SAU', memberName: '沙特阿拉伯', title: 'SASO draft technical regulation on refrigerators' },
  { symbol: 'G/SPS/N/KAZ/9004', memberCode: 'KAZ', memberName: '哈萨克斯坦', title: 'EAEU limits for aquatic products' },
];


export const FAKE_INDUSTRIES: Industry[] = [
  { code: 'ev', nameZh: '电动汽车', nameEn: 'Electric vehicles' },
  { code: 'lithium-battery', nameZh: '锂电池', nameEn: 'Lithium-ion batteries' },
  { code: 'household-appliances', nameZh: '家用电器', nameEn: 'Household appliances' },
  { code: 'aquatic-products', nameZh: '水产品', nameEn: 'Aquatic products' },
];
