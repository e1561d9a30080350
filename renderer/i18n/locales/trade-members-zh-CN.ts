/** Members of a trade concern beyond the country list. */
export const tradeMembersZhCN = {
  tradeMembers: {
    others: '其他 WTO 成员',
  },
};
