/** Risk warnings: the inbox, the explanation of a score, response plans and letters. */
export const warningsZhCN = {
  warningWords: {
    levels: { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' },
    levelsShort: { red: '红', orange: '橙', yellow: '黄', blue: '蓝' },
    states: { new: '新预警', acknowledged: '已确认', planned: '已制定应对', closed: '已关闭' },
    match: { direct: '直接匹配', broad: '宽泛匹配', text: '文本匹配' },
    responses: { comment: '提交评议意见', adapt: '调整产品', certify: '检测或认证', monitor: '持续跟踪' },
  },
};
