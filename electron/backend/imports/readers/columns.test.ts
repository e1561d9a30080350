import { describe, expect, it } from 'vitest';
import { HeaderFinder, matchHeaderRow } from './columns';
import { AppError } from '../../errors';

describe('header matching', () => {
  it('ignores case and whitespace and knows the (FR) and (ES) columns', () => {
    const { index, known } = matchHeaderRow([
      '  document   SYMBOL ',
      'TITLE',
      'Link to notification (EN)',
      '(fr)',
      ' ( ES ) ',
      'Distribution\u00a0date',
      'Something else',
    ]);
    expect(known).toBe(6);
    expect(index).toMatchObject({ symbol: 0, title: 1, linkEn: 2, linkFr: 3, linkEs: 4, distributionDate: 5, description: -1 });
  });

  it('finds the header below export titles and rejects one that lacks Title', () => {
    const finder = new HeaderFinder();
    expect(finder.offer(['ePing export', '', '2026-11-21'])).toEqual({ status: 'looking' });
    expect(finder.offer(['Document symbol', 'Title'])).toMatchObject({ status: 'found' });
    let error: unknown;
    try {
      new HeaderFinder().offer(['Document symbol', 'Notifying Member', 'Description']);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_REJECTED');
    expect((error as AppError).message).toBe(
      "The file is not an ePing export: the header row lacks 'Title'. Found 'Document symbol', 'Notifying Member', 'Description'.",
    );
  });

  it('gives up after ten rows without a header', () => {
    const finder = new HeaderFinder();
    let last = finder.offer(['a']);
    for (let i = 0; i < 9; i++) last = finder.offer(['Name', 'Value']);
    expect(last.status).toBe('gave-up');
  });
});
