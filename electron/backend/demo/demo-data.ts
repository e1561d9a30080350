/**
 * The demo data set offered on first run. Every record is marked as demo data (source 'demo')
 * and uses fictitious symbol numbers from 9001 up: the cases are described from the base's
 * published work, the WTO symbols are not the real ones.
 */
export interface DemoNotification {
  symbols: string[];
  title: string;
  titleZh: string;
  description: string;
  products: string;
  hsCodes: string[];
  icsCodes: string[];
  keywords: string[];
  objectives: string[];
  notificationType: string;
  /** Days relative to the day the demo is loaded. */
  distributedDaysAgo: number;
  commentDays: number | null;
}

export const DEMO_MARK = '【示例数据 Demo】';

export const DEMO_NOTIFICATIONS: DemoNotification[] = [
  {
    symbols: ['G/TBT/N/ARE/9001', 'G/TBT/N/SAU/9001', 'G/TBT/N/KWT/9001', 'G/TBT/N/QAT/9001', 'G/TBT/N/BHR/9001', 'G/TBT/N/OMN/9001', 'G/TBT/N/YEM/9001'],
    title: 'GSO draft technical regulation: Electric vehicles - General requirements and test methods',
    titleZh: '海湾标准化组织技术法规草案：电动汽车 通用要求和试验方法',
    description:
      'Demo record based on the GCC electric-vehicle case: a Gulf draft standard for electric vehicles whose test methods differ from the international ones (UN ECE, IEC). Chinese comments asked for acceptance of Chinese national standards and internationally used test methods.',
    products: 'Electric vehicles (M1, N1), traction batteries',
    hsCodes: ['8703.80', '8507.60'],
    icsCodes: ['43.120'],
    keywords: ['electric vehicles', 'test methods', 'conformity assessment'],
    objectives: ['Consumer information, labelling', 'Protection of human health or safety'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 20,
    commentDays: 60,
  },
  {
    symbols: ['G/TBT/N/SAU/9002'],
    title: 'SASO draft technical regulation on energy efficiency of household refrigerators and freezers',
    titleZh: '沙特标准局家用冰箱和冷冻箱能效技术法规草案',
    description:
      'Demo record based on the Saudi refrigerator case: minimum energy-performance requirements, labelling, and acceptance and test standards. Saudi Arabia adopted the comments on the acceptance and test standards.',
    products: 'Household refrigerators, freezers and combined refrigerator-freezers',
    hsCodes: ['8418.10', '8418.21', '8418.30'],
    icsCodes: ['97.040.30', '27.015'],
    keywords: ['energy efficiency', 'refrigerators', 'labelling'],
    objectives: ['Protection of the environment', 'Consumer information, labelling'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 400,
    commentDays: 60,
  },
  {
    symbols: ['G/TBT/N/TUR/9003'],
    title: 'Draft Regulation on Fertilizers (mineral fertilizer requirements)',
    titleZh: '土耳其肥料法规草案（矿物肥料要求）',
    description:
      'Demo record based on the Türkiye fertilizer case: a new fertilizer rule with clauses on mineral fertilizers. Türkiye adopted the proposed revision of the mineral-fertilizer clauses.',
    products: 'Mineral and chemical fertilizers',
    hsCodes: ['3102', '3105'],
    icsCodes: ['65.080'],
    keywords: ['fertilizers', 'labelling'],
    objectives: ['Protection of human health or safety', 'Protection of the environment'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 300,
    commentDays: 60,
  },
  {
    symbols: ['G/SPS/N/RUS/9004', 'G/SPS/N/KAZ/9004', 'G/SPS/N/KGZ/9004', 'G/SPS/N/ARM/9004'],
    title: 'Draft amendments to the EAEU Technical Regulation on safety of fish and fish products (limits for aquatic products)',
    titleZh: '欧亚经济联盟鱼类及鱼产品安全技术法规修订草案（水产品限量）',
    description:
      'Demo record based on the EAEU aquatic-product case: new limits for contaminants in aquatic products, raised by the base as a specific trade concern.',
    products: 'Fish, crustaceans, molluscs and products thereof',
    hsCodes: ['0302', '0303', '0304', '1604'],
    icsCodes: ['67.120.30'],
    keywords: ['aquatic products', 'maximum levels', 'food safety'],
    objectives: ['Food safety'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 35,
    commentDays: 60,
  },
  {
    symbols: ['G/TBT/N/SAU/9005'],
    title: 'Technical regulation for lead-acid batteries',
    titleZh: '沙特铅酸蓄电池技术法规',
    description:
      'Demo record based on the Saudi lead-acid battery case: requirements for lead-acid starter batteries; the base asked for a longer transition period before entry into force.',
    products: 'Lead-acid accumulators for starting piston engines',
    hsCodes: ['8507.10'],
    icsCodes: ['29.220.20'],
    keywords: ['batteries', 'transition period'],
    objectives: ['Protection of human health or safety', 'Protection of the environment'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 50,
    commentDays: 60,
  },
  {
    symbols: ['G/TBT/N/SAU/9005/Add.1'],
    title: 'Technical regulation for lead-acid batteries: extension of the transition period',
    titleZh: '沙特铅酸蓄电池技术法规：延长过渡期',
    description: 'Demo addendum: the notifying member announces a longer transition period for the lead-acid battery regulation.',
    products: 'Lead-acid accumulators',
    hsCodes: ['8507.10'],
    icsCodes: [],
    keywords: ['batteries', 'transition period'],
    objectives: [],
    notificationType: 'Addendum',
    distributedDaysAgo: 5,
    commentDays: null,
  },
  {
    symbols: ['G/TBT/N/IND/9006'],
    title: 'Lithium-ion cells and batteries (Quality Control) Order',
    titleZh: '印度锂离子电池及电池组质量控制令',
    description: 'Demo record in the "new three" export sector: mandatory certification of lithium-ion cells and batteries to Indian standards.',
    products: 'Lithium-ion cells and batteries',
    hsCodes: ['8507.60'],
    icsCodes: ['29.220.30'],
    keywords: ['lithium-ion batteries', 'certification'],
    objectives: ['Protection of human health or safety'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 10,
    commentDays: 60,
  },
  {
    symbols: ['G/TBT/N/KAZ/9007'],
    title: 'Требования к фотоэлектрическим модулям (draft technical requirements for photovoltaic modules)',
    titleZh: '哈萨克斯坦光伏组件技术要求草案',
    description: 'Demo record in the "new three" export sector: draft requirements and conformity assessment for solar photovoltaic modules.',
    products: 'Photovoltaic cells and modules',
    hsCodes: ['8541.43'],
    icsCodes: ['27.160'],
    keywords: ['photovoltaic modules', 'conformity assessment'],
    objectives: ['Protection of human health or safety'],
    notificationType: 'Regular notification',
    distributedDaysAgo: 55,
    commentDays: 60,
  },
];
