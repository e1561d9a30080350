import { describe, expect, it } from 'vitest';
import { dueSoonAlertText, raisedAlertText } from './warning-alert-words';

describe('the words of the warning alerts', () => {
  it('counts new red and orange warnings in Chinese, naming only the levels there are', () => {
    expect(raisedAlertText('zh-CN', { red: 2, orange: 1 })).toEqual({ title: '3 条新的红色/橙色风险预警', body: '其中红色 2 条，橙色 1 条。点击打开风险预警。' });
    expect(raisedAlertText('zh-CN', { red: 0, orange: 4 })?.body).toBe('其中橙色 4 条。点击打开风险预警。');
  });

  it('says the same in English, singular for one', () => {
    expect(raisedAlertText('en', { red: 1, orange: 0 })).toEqual({ title: '1 new red/orange risk warning', body: '1 red. Click to open the warnings inbox.' });
    expect(raisedAlertText('en', { red: 2, orange: 3 })?.title).toBe('5 new red/orange risk warnings');
  });

  it('says nothing when nothing was raised or nothing is due', () => {
    expect(raisedAlertText('zh-CN', { red: 0, orange: 0 })).toBeNull();
    expect(dueSoonAlertText('en', 0)).toBeNull();
  });

  it('counts the warnings due within a week', () => {
    expect(dueSoonAlertText('zh-CN', 3)).toEqual({ title: '3 条风险预警的期限在 7 天内', body: '评议截止或生效日期临近。点击打开风险预警。' });
    expect(dueSoonAlertText('en', 1)?.title).toBe('1 risk warning has a deadline within 7 days');
  });
});
