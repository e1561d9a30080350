import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommentStats } from '../../../../shared/contract';
import { createFakeBackend } from '../../../testing/fake-backend';
import { commentsOf } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

const STATS: CommentStats = {
  from: null,
  to: null,
  totals: {
    submitted: 3,
    adopted: 1,
    partlyAdopted: 1,
    notAdopted: 0,
    withdrawn: 0,
    awaiting: 1,
    decided: 2,
    fullyAdoptedRate: 0.5,
    atLeastPartlyRate: 1,
    points: { total: 4, adopted: 2, partlyAdopted: 0, notAdopted: 1, noReply: 0, withdrawn: 0, pending: 1 },
    pointAdoptionRate: 0.5,
    costSparedCny: 36_000_000,
  },
  byMember: [
    { key: 'SAU', labelZh: '沙特阿拉伯', labelEn: 'Saudi Arabia', submitted: 2, adopted: 0, partlyAdopted: 1, notAdopted: 0, withdrawn: 0, awaiting: 1, decided: 1, fullyAdoptedRate: 0/1, atLeastPartlyRate: 1, points: 3, pointsAdopted: 1 },
    { key: 'TUR', labelZh: '土耳其', labelEn: 'Türkiye', submitted: 1, adopted: 1, partlyAdopted: 0, notAdopted: 0, withdrawn: 0, awaiting: 0, decided: 1, fullyAdoptedRate: 1/1, atLeastPartlyRate: 1, points: 1, pointsAdopted: 1 },
  ],
  byIndustry: [{ key: null, labelZh: '未分类', labelEn: 'Unclassified', submitted: 3, adopted: 1, partlyAdopted: 1, notAdopted: 0, withdrawn: 0, awaiting: 1, decided: 2, fullyAdoptedRate: 1/2, atLeastPartlyRate: 1, points: 4, pointsAdopted: 2 }],
  byYear: [{ key: '2026', labelZh: '2026年', labelEn: '2026', submitted: 3, adopted: 1, partlyAdopted: 1, notAdopted: 0, withdrawn: 0, awaiting: 1, decided: 2, fullyAdoptedRate: 1/2, atLeastPartlyRate: 1, points: 4, pointsAdopted: 2 }],
  byTemplate: [
    {
      code: 'transition-period',
      nameZh: '延长过渡期',
      nameEn: 'Extend the transition period',
      points: { total: 2, adopted: 1, partlyAdopted: 0, notAdopted: 0, noReply: 0, withdrawn: 0, pending: 1, },
      adoptionRate: 0.5,
    },
  ],
  timeToOutcome: { comments: 2, meanDays: 117.5, medianDays: 117.5, minDays: 105, maxDays: 130 },
};

const figure = (label: string): string | null | undefined => screen.getByRole('group', { name: label }).querySelector('.stat-value')?.textContent;

const rows = (table: HTMLElement): string[][] =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

describe('comment statistics', () => {
  it('shows fully and at least partly adopted over the comments with an outcome, those awaiting one, and a table per member, industry, year and template', async () => {
    const backend = createFakeBackend();
    commentsOf(backend).stats = STATS;
    renderApp({ backend, route: { section: 'comments', id: null, view: 'stats' } });
    await screen.findByRole('group', { name: '全部采纳率' });
    expect(figure('已提交评议意见')).toBe('3');
    expect(figure('全部采纳率')).toBe('50%');
    expect(figure('至少部分采纳率')).toBe('100%');
    expect(figure('待结果')).toBe('1');
    expect(figure('要点采纳率')).toBe('50%');
    expect(figure('为企业节约成本')).toBe('3,600万元');
    // The formula is on hover, with the figures it was worked from.
    expect(screen.getByRole('group', { name: '全部采纳率' }).getAttribute('title')).toBe(
      '全部采纳率 = 全部要点均被采纳的意见 ÷ 已有结果的意见 = 1 ÷ 2。部分采纳、未采纳、未答复也算已有结果；仍有要点未记录结果的意见不计入。',
    );
    expect(screen.getByRole('group', { name: '至少部分采纳率' }).getAttribute('title')).toContain('（1 + 1）÷ 2');
    expect(screen.getByRole('group', { name: '全部采纳率' }).textContent).toContain('已有结果 2 份：全部采纳 1，部分采纳 1，未采纳 0');

    const byMember = screen.getByRole('table', { name: '按通报成员' });
    expect(rows(byMember)).toEqual([
      ['沙特阿拉伯', '2', '1', '0', '1', '1', '0%', '100%', '3', '1'],
      ['土耳其', '1', '1', '1', '0', '0', '100%', '100%', '1', '1'],
    ]);
    expect(within(byMember).getAllByRole('row')[1]?.querySelectorAll('td')[5]?.getAttribute('title')).toContain('= 0 ÷ 1');
    expect(rows(screen.getByRole('table', { name: '按产业' }))[0]?.[0]).toBe('未分类');
    expect(rows(screen.getByRole('table', { name: '按提交年份' }))[0]?.slice(0, 2)).toEqual(['2026年', '3']);
    expect(rows(screen.getByRole('table', { name: '按意见模板（要点）' }))).toEqual([['延长过渡期', '2', '1', '0', '0', '1', '50%']]);
    const time = screen.getByRole('region', { name: '从提交到结果的天数' });
    expect(time.textContent).toContain('118 天');
    expect(time.textContent).toContain('105 天 – 130 天');
  });

  it('asks for the years chosen', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'comments', id: null, view: 'stats' } });
    fireEvent.change(await screen.findByLabelText('起始年份'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('截止年份'), { target: { value: '2026' } });
    await waitFor(() => expect(backend.callsTo('commentsStats').at(-1)).toEqual({ from: '2025-01-01', to: '2026-12-31' }));
    expect(backend.callsTo('commentsStats')[0]).toEqual({});
    expect(screen.getByText('这一时期没有提交的评议意见。')).toBeTruthy();
  });
});
