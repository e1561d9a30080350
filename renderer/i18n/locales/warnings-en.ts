import type { warningsZhCN } from './warnings-zh-CN';

export const warningsEn: typeof warningsZhCN = {
  warningWords: {
    levels: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
    levelsShort: { red: 'Red', orange: 'Orange', yellow: 'Yellow', blue: 'Blue' },
    states: { new: 'New', acknowledged: 'Acknowledged', planned: 'Response planned', closed: 'Closed' },
    match: { direct: 'Direct', broad: 'Broad', text: 'Text' },
    responses: { comment: 'Submit a comment', adapt: 'Adapt the product', certify: 'Obtain testing or certification', monitor: 'Monitor' },
  },
};
