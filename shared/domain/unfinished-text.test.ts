import { describe, expect, it } from 'vitest';
import { describeUnfinished, findUnfinishedMarkers, findUnfinishedTexts } from './unfinished-text';

const point = (key: string, texts: Partial<Record<string, string>> = {}) => ({
  key,
  clauseZh: '',
  clauseEn: '',
  concernZh: '',
  concernEn: '',
  proposalZh: '',
  proposalEn: '',
  rationaleZh: '',
  rationaleEn: '',
  ...texts,
});

describe('unfinished template text', () => {
  it('finds the Chinese and English markers template filling writes, and hand-typed ones', () => {
    expect(findUnfinishedMarkers('HS编码（【待补充：HS编码】）与【待补充】').map((m) => m.marker)).toEqual(['【待补充：HS编码】', '【待补充】']);
    expect(findUnfinishedMarkers('codes ([to be completed: HS codes]) and [To be completed]').map((m) => m.index)).toEqual([7, 40]);
  });

  it('ignores ordinary brackets and finished text', () => {
    expect(findUnfinishedMarkers('【示例数据 Demo】 [see Annex 2] completed')).toEqual([]);
  });

  it('names the point number and the field of each unfinished text', () => {
    const found = findUnfinishedTexts({
      titleZh: '评议意见',
      titleEn: 'Comments [to be completed]',
      points: [point('p1', { concernZh: '已完成' }), point('p7', { concernEn: 'HS [to be completed: HS codes]', proposalZh: '【待补充：通报成员】' })],
    });
    expect(found).toEqual([
      { point: null, pointKey: null, field: 'titleEn', markers: ['[to be completed]'] },
      { point: 2, pointKey: 'p7', field: 'concernEn', markers: ['[to be completed: HS codes]'] },
      { point: 2, pointKey: 'p7', field: 'proposalZh', markers: ['【待补充：通报成员】'] },
    ]);
    expect(describeUnfinished(found[1]!)).toBe('point 2, English concern: [to be completed: HS codes]');
    expect(describeUnfinished(found[0]!)).toBe('English title: [to be completed]');
  });
});
