import type { enterprisesZhCN } from './enterprises-zh-CN';

export const enterprisesEn: typeof enterprisesZhCN = {
  enterpriseWords: {
    creditCode: 'Unified social credit code',
  },
};
