import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholderValues, proposeCommentPeriod, type TemplateParticulars } from './template-fill';

const refrigerators: TemplateParticulars = {
  symbols: ['G/TBT/N/SAU/9002'],
  title: 'Energy efficiency of household refrigerators',
  titleZh: '家用冰箱能效技术法规',
  memberNamesEn: ['Saudi Arabia'],
  memberNamesZh: ['沙特阿拉伯'],
  products: 'Household refrigerators',
  hsCodes: ['8418.10', '8418.21'],
  finalDate: '2026-05-01',
  distributionDate: '2026-03-02',
  proposedEntryIntoForce: '180 days after publication',
  proposedAdoption: 'Not stated',
};

describe('template filling', () => {
  it('fills English text with English particulars', () => {
    const values = placeholderValues(refrigerators, 'en');
    const r = fillTemplate('{member} notified {symbol} ({title}); comments by {finalDate}; HS {hs}.', values, 'en');
    expect(r.text).toBe(
      'Saudi Arabia notified G/TBT/N/SAU/9002 (Energy efficiency of household refrigerators); comments by 1 May 2026; HS 8418.10, 8418.21.',
    );
    expect(r.missing).toEqual([]);
  });

  it('fills Chinese text with the Chinese title, member name and date', () => {
    const values = placeholderValues(refrigerators, 'zh');
    const r = fillTemplate('{member}通报的《{title}》（{symbol}）评议截止日期为{finalDate}，HS编码{hs}。', values, 'zh');
    expect(r.text).toBe('沙特阿拉伯通报的《家用冰箱能效技术法规》（G/TBT/N/SAU/9002）评议截止日期为2026年5月1日，HS编码8418.10、8418.21。');
  });

  it('falls back to the original title when there is no translation', () => {
    const values = placeholderValues({ ...refrigerators, titleZh: null }, 'zh');
    expect(values.title).toBe('Energy efficiency of household refrigerators');
  });

  it('marks what the notification does not say and lists it', () => {
    const values = placeholderValues({ ...refrigerators, hsCodes: [], finalDate: null }, 'en');
    const r = fillTemplate('Adoption {adoption}; HS {hs}; by {finalDate}; in force {entryIntoForce}.', values, 'en');
    expect(r.text).toBe(
      'Adoption [to be completed: proposed date of adoption]; HS [to be completed: HS codes]; by [to be completed: final date for comments]; in force 180 days after publication.',
    );
    expect(r.missing).toEqual(['adoption', 'hs', 'finalDate']);
    const zh = fillTemplate('HS编码{hs}', placeholderValues({ ...refrigerators, hsCodes: [] }, 'zh'), 'zh');
    expect(zh.text).toBe('HS编码【待补充：HS编码】');
  });

  it('joins the symbols and members of a measure family', () => {
    const gcc = { ...refrigerators, symbols: ['G/TBT/N/ARE/9001', 'G/TBT/N/SAU/9001'], memberNamesEn: ['United Arab Emirates', 'Saudi Arabia'], memberNamesZh: ['阿联酋', '沙特阿拉伯'] };
    expect(fillTemplate('{symbol} / {member}', placeholderValues(gcc, 'en'), 'en').text).toBe(
      'G/TBT/N/ARE/9001, G/TBT/N/SAU/9001 / United Arab Emirates, Saudi Arabia',
    );
    expect(fillTemplate('{member}', placeholderValues(gcc, 'zh'), 'zh').text).toBe('阿联酋、沙特阿拉伯');
  });

  it('leaves braces that name no placeholder alone', () => {
    const r = fillTemplate('{unknown} and {symbol}', placeholderValues(refrigerators, 'en'), 'en');
    expect(r.text).toBe('{unknown} and G/TBT/N/SAU/9002');
  });
});

describe('the comment period to ask for', () => {
  it('asks for 60 days from distribution when the notification gives 30', () => {
    expect(proposeCommentPeriod('2026-03-02', '2026-04-01')).toEqual({ currentDays: 30, requestedDays: 60, requestedFinalDate: '2026-05-01' });
  });

  it('asks for the encouraged 90 days when the notification already gives the normal 60', () => {
    expect(proposeCommentPeriod('2026-03-02', '2026-05-01')).toEqual({ currentDays: 60, requestedDays: 90, requestedFinalDate: '2026-05-31' });
  });

  it('asks for 90 rather than a token extension when the notification gives 45 days', () => {
    expect(proposeCommentPeriod('2026-03-02', '2026-04-16')).toEqual({ currentDays: 45, requestedDays: 90, requestedFinalDate: '2026-05-31' });
  });

  it('asks for 30 days more than a period of 90 days or longer', () => {
    expect(proposeCommentPeriod('2026-03-02', '2026-05-31')).toEqual({ currentDays: 90, requestedDays: 120, requestedFinalDate: '2026-06-30' });
  });

  it('moves the final date by 30 days when the distribution date is unknown or after the final date', () => {
    expect(proposeCommentPeriod(null, '2026-12-20')).toEqual({ currentDays: null, requestedDays: null, requestedFinalDate: '2027-01-19' });
    expect(proposeCommentPeriod('2026-12-30', '2026-12-20')?.requestedFinalDate).toBe('2027-01-19');
  });

  it('proposes nothing without a usable final date', () => {
    expect(proposeCommentPeriod('2026-03-02', null)).toBeNull();
    expect(proposeCommentPeriod('2026-03-02', '2026-02-30')).toBeNull();
  });

  it('fills the present and requested period in both languages', () => {
    const zh = fillTemplate('仅{currentPeriod}，建议{requestedPeriod}，至{requestedFinalDate}', placeholderValues(refrigerators, 'zh'), 'zh');
    expect(zh.text).toBe('仅60天，建议90天，至2026年5月31日');
    const en = fillTemplate('only {currentPeriod}; {requestedPeriod}, until {requestedFinalDate}', placeholderValues(refrigerators, 'en'), 'en');
    expect(en.text).toBe('only 60 days; 90 days, until 31 May 2026');
  });

  it('marks the periods as to be completed when the notification gives no dates', () => {
    const r = fillTemplate('{currentPeriod} {requestedFinalDate}', placeholderValues({ ...refrigerators, finalDate: null, distributionDate: null }, 'en'), 'en');
    expect(r.text).toBe('[to be completed: days of the present comment period] [to be completed: requested final date for comments]');
    expect(r.missing).toEqual(['currentPeriod', 'requestedFinalDate']);
  });
});
