import { describe, expect, it } from 'vitest';
import { updateSyncMarks, type SyncMark } from './language-sync';

const point = (texts: Partial<Record<string, string>> = {}) => ({
  key: 'p1',
  clauseZh: '第3条',
  clauseEn: 'Article 3',
  concernZh: '试验方法与国际标准不一致。',
  concernEn: 'The test methods differ from the international ones.',
  proposalZh: '',
  proposalEn: '',
  rationaleZh: '',
  rationaleEn: '',
  ...texts,
});

describe('Chinese and English kept in step', () => {
  it('marks the English of a part whose Chinese was rewritten after both were written', () => {
    const marks = updateSyncMarks([point()], [point({ concernZh: '试验方法与IEC 62552不一致。' })], []);
    expect(marks).toEqual([{ pointKey: 'p1', part: 'concern', stale: 'en' }]);
  });

  it('marks the Chinese when the English is rewritten', () => {
    expect(updateSyncMarks([point()], [point({ clauseEn: 'Article 4' })], [])).toEqual([{ pointKey: 'p1', part: 'clause', stale: 'zh' }]);
  });

  it('does not mark a first translation, a change of spacing only, a new point or both sides changed together', () => {
    expect(updateSyncMarks([point()], [point({ proposalZh: '建议接受IEC方法。' })], [])).toEqual([]);
    expect(updateSyncMarks([point()], [point({ concernEn: '  The test methods differ\\nfrom the international ones. '.replace('\\n', '\n') })], [])).toEqual([]);
    expect(updateSyncMarks([], [point()], [])).toEqual([]);
    expect(updateSyncMarks([point()], [point({ concernZh: '新的中文', concernEn: 'New English' })], [])).toEqual([]);
  });

  it('keeps a mark through later edits of the same side and drops it once the marked side is updated, without marking back', () => {
    const mark: SyncMark = { pointKey: 'p1', part: 'concern', stale: 'en' };
    const edited = point({ concernZh: '改过的中文' });
    expect(updateSyncMarks([edited], [point({ concernZh: '再改一次的中文' })], [mark])).toEqual([mark]);
    expect(updateSyncMarks([edited], [edited], [mark])).toEqual([mark]);
    expect(updateSyncMarks([edited], [point({ concernZh: '改过的中文', concernEn: 'Updated English' })], [mark])).toEqual([]);
  });

  it('drops the marks of a removed point', () => {
    expect(updateSyncMarks([point()], [], [{ pointKey: 'p1', part: 'concern', stale: 'en' }])).toEqual([]);
  });
});
