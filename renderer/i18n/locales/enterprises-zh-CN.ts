/** The enterprise registry, its import, focus industries and trade exposure. */
export const enterprisesZhCN = {
  enterpriseWords: {
    creditCode: '统一社会信用代码',
  },
};
