import type { tradeMembersZhCN } from './trade-members-zh-CN';

/** Members of a trade concern beyond the country list. */
export const tradeMembersEn: typeof tradeMembersZhCN = {
  tradeMembers: {
    others: 'Other WTO members',
  },
};
