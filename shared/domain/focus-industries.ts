/**
 * The focus industries Pingyi ships with, each an editable set of HS codes (chapter, heading or
 * line prefixes, HS 2022) with words for text matches. They follow the base's own priorities:
 * the "new three" exports (electric vehicles, lithium-ion batteries, solar cells and modules),
 * and the industries of its published cases (the Saudi refrigerator regulation, the Türkiye
 * fertilizer rule, the EAEU aquatic-product limits, the Saudi lead-acid battery rule) and food.
 *
 * Their uids are fixed, so the same default is the same record on every workstation.
 */
export interface DefaultFocusIndustry {
  uid: string;
  code: string;
  nameZh: string;
  nameEn: string;
  hsCodes: string[];
  keywords: string[];
  justification: string;
}

export const DEFAULT_FOCUS_INDUSTRIES: readonly DefaultFocusIndustry[] = [
  {
    uid: '00000000-0000-7000-8000-00000000f001',
    code: 'ev',
    nameZh: '电动汽车',
    nameEn: 'Electric vehicles',
    hsCodes: ['870380', '870340', '870350', '870360', '870370', '870460', '871160'],
    keywords: ['electric vehicle', 'electric vehicles', 'battery electric', 'plug-in hybrid', '电动汽车', '新能源汽车'],
    justification:
      'One of the "new three" exports. 8703.80 holds cars with only an electric motor; 8703.40-8703.70 the hybrids (8703.60 and 8703.70 plug-in); 8704.60 electric goods vehicles and 8711.60 electric motorcycles and bicycles (HS 2022). The GCC electric-vehicle standard is the base\'s leading case.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f002',
    code: 'lithium-battery',
    nameZh: '锂电池',
    nameEn: 'Lithium-ion batteries',
    hsCodes: ['850760', '850650', '850790'],
    keywords: ['lithium', 'lithium-ion', 'li-ion', 'traction battery', '锂电池', '锂离子'],
    justification:
      'One of the "new three". 8507.60 is lithium-ion accumulators, 8506.50 lithium primary cells, and 8507.90 their parts; measures on batteries also reach them through labelling, transport and recycling rules.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f003',
    code: 'photovoltaic',
    nameZh: '光伏',
    nameEn: 'Solar cells and modules',
    hsCodes: ['854142', '854143', '854140', '850440'],
    keywords: ['photovoltaic', 'solar cell', 'solar module', 'solar panel', 'pv module', '光伏', '太阳能电池'],
    justification:
      'One of the "new three". HS 2022 splits photovoltaic cells into 8541.42 (not in modules) and 8541.43 (in modules or panels); 8541.40 is their HS 2017 line, still used in older notifications. 8504.40 (static converters) covers the inverters sold with them.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f004',
    code: 'household-appliances',
    nameZh: '冰箱及家用电器',
    nameEn: 'Refrigerators and household appliances',
    hsCodes: ['8418', '8415', '8450', '8509', '8516', '842211'],
    keywords: ['refrigerator', 'freezer', 'household appliance', 'air conditioner', 'washing machine', '冰箱', '家用电器', '空调'],
    justification:
      'Energy-efficiency and safety rules for appliances are frequent in the Gulf (the Saudi refrigerator case). 8418 refrigerators and freezers, 8415 air conditioners, 8450 washing machines, 8509 and 8516 domestic electric appliances, 8422.11 household dishwashers.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f005',
    code: 'fertilizers',
    nameZh: '化肥',
    nameEn: 'Fertilizers',
    hsCodes: ['31'],
    keywords: ['fertilizer', 'fertiliser', 'fertilizers', '肥料', '化肥'],
    justification: 'Chapter 31 is fertilizers. The Türkiye fertilizer rule, whose mineral-fertilizer clauses were revised on the base\'s comment, is one of its published cases.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f006',
    code: 'aquatic-products',
    nameZh: '水产品',
    nameEn: 'Aquatic products',
    hsCodes: ['03', '1604', '1605', '051191'],
    keywords: ['fish', 'seafood', 'aquatic', 'crustacean', 'mollusc', '水产品', '水产'],
    justification:
      'Chapter 03 is fish, crustaceans and molluscs; 16.04 and 16.05 their preparations; 0511.91 fish products unfit for food. The EAEU limits for aquatic products were a trade concern the base raised.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f007',
    code: 'lead-acid-battery',
    nameZh: '铅酸蓄电池',
    nameEn: 'Lead-acid batteries',
    hsCodes: ['850710', '850720'],
    keywords: ['lead-acid', 'lead acid', '铅酸'],
    justification: '8507.10 (starter batteries) and 8507.20 (other lead-acid accumulators). The transition period of a Saudi lead-acid battery rule was a trade concern the base raised.',
  },
  {
    uid: '00000000-0000-7000-8000-00000000f008',
    code: 'food',
    nameZh: '食品',
    nameEn: 'Food',
    hsCodes: ['02', '04', '07', '08', '09', '10', '11', '15', '16', '17', '18', '19', '20', '21', '22'],
    keywords: ['food', 'foodstuff', 'food additive', 'food contact', '食品'],
    justification:
      'SPS measures on food (maximum residue levels, contaminants, import conditions) are the most frequent. Chapters 02, 04, 07-11 and 15-22 are meat, dairy, vegetables, fruit, coffee and tea, cereals, oils and prepared foods and beverages; fish is the aquatic-products industry.',
  },
];
