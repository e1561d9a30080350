/**
 * WTO members a trade concern may name beyond the country list (which holds the SCO members and
 * partners and the bloc members Pingyi groups notifications by): the trading partners whose
 * measures the base raises in the TBT and SPS Committees most often. Codes are those of WTO
 * symbols: EU for the European Union (G/TBT/N/EU/…), three letters for the others.
 */
export const OTHER_WTO_MEMBERS: Readonly<Record<string, { nameZh: string; nameEn: string }>> = {
  EU: { nameZh: '欧盟', nameEn: 'European Union' },
  USA: { nameZh: '美国', nameEn: 'United States' },
  GBR: { nameZh: '英国', nameEn: 'United Kingdom' },
  JPN: { nameZh: '日本', nameEn: 'Japan' },
  KOR: { nameZh: '韩国', nameEn: 'Korea, Republic of' },
  CAN: { nameZh: '加拿大', nameEn: 'Canada' },
  AUS: { nameZh: '澳大利亚', nameEn: 'Australia' },
  NZL: { nameZh: '新西兰', nameEn: 'New Zealand' },
  CHE: { nameZh: '瑞士', nameEn: 'Switzerland' },
  NOR: { nameZh: '挪威', nameEn: 'Norway' },
  BRA: { nameZh: '巴西', nameEn: 'Brazil' },
  MEX: { nameZh: '墨西哥', nameEn: 'Mexico' },
  ARG: { nameZh: '阿根廷', nameEn: 'Argentina' },
  CHL: { nameZh: '智利', nameEn: 'Chile' },
  ZAF: { nameZh: '南非', nameEn: 'South Africa' },
  IDN: { nameZh: '印度尼西亚', nameEn: 'Indonesia' },
  THA: { nameZh: '泰国', nameEn: 'Thailand' },
  VNM: { nameZh: '越南', nameEn: 'Viet Nam' },
  MYS: { nameZh: '马来西亚', nameEn: 'Malaysia' },
  PHL: { nameZh: '菲律宾', nameEn: 'Philippines' },
  SGP: { nameZh: '新加坡', nameEn: 'Singapore' },
  ISR: { nameZh: '以色列', nameEn: 'Israel' },
};

/** The names of a member of OTHER_WTO_MEMBERS, or undefined. */
export function otherWtoMember(code: string): { nameZh: string; nameEn: string } | undefined {
  return Object.prototype.hasOwnProperty.call(OTHER_WTO_MEMBERS, code) ? OTHER_WTO_MEMBERS[code] : undefined;
}
