import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { FAKE_WARNING_UIDS, warningsOf } from '../../testing/fake-warnings';
import { renderApp } from '../../testing/render-app';
import type { Route } from '../../stores/route';

function setUp(query?: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const backend = createFakeBackend({ settings: { locale } });
  warningsOf(backend).seed();
  const route: Route = { section: 'warnings', id: null, ...(query ? { query } : {}) };
  return renderApp({ backend, route });
}

const rowTexts = async (): Promise<string[]> => {
  const inbox = await screen.findByTestId('warnings-inbox');
  return within(inbox)
    .queryAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-uid') ?? '');
};

describe('the warnings inbox', () => {
  it('shows the four levels with their counts and every warning, highest score first', async () => {
    const { backend } = setUp();
    const levels = await screen.findByRole('group', { name: '等级' });
    await waitFor(() => expect(within(levels).getByRole('button', { name: '红色 2' })).toBeTruthy());
    expect(within(levels).getByRole('button', { name: '橙色 1' })).toBeTruthy();
    expect(within(levels).getByRole('button', { name: '黄色 1' })).toBeTruthy();
    expect(within(levels).getByRole('button', { name: '蓝色 0' })).toBeTruthy();
    const scores = warningsOf(backend).warnings.map((w) => w.score).sort((a, b) => b - a);
    const rows = within(await screen.findByTestId('warnings-inbox')).getAllByRole('row').slice(1);
    expect(rows.map((r) => Number(r.querySelectorAll('td')[1]?.textContent))).toEqual(scores);
    // Symbol, Chinese title, target with credit code, match label, value, state.
    const first = rows[0]!;
    expect(first.textContent).toContain('G/TBT/N/SAU/1201');
    expect(first.textContent).toContain('锂离子电池技术法规');
    expect(first.textContent).toContain('91330100MA2B3C4D5E');
    expect(first.textContent).toContain('直接匹配');
    expect(first.textContent).toContain('5,000,000 美元');
    expect(first.textContent).toContain('新预警');
    expect(screen.getByText('共 4 条')).toBeTruthy();
  });

  it('a level toggle narrows the list, puts the filter in the address, and keeps the other counts', async () => {
    const { backend } = setUp();
    const levels = await screen.findByRole('group', { name: '等级' });
    fireEvent.click(await within(levels).findByRole('button', { name: '红色 2' }));
    await waitFor(() => expect(window.location.hash).toBe('#/warnings?level=red'));
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.batteries, FAKE_WARNING_UIDS.batteriesIndustry]));
    expect(backend.callsTo('warningsList').at(-1)).toMatchObject({ levels: ['red'], sort: 'score', offset: 0 });
    const again = await screen.findByRole('group', { name: '等级' });
    expect(within(again).getByRole('button', { name: '红色 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(again).getByRole('button', { name: '橙色 1' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('filters by match quality as the address says, so noise can be looked at alone', async () => {
    const { backend } = setUp('match=text');
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.tea]));
    expect(backend.callsTo('warningsList').at(-1)).toMatchObject({ match: ['text'] });
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(window.location.hash).toBe('#/warnings'));
    await waitFor(async () => expect(await rowTexts()).toHaveLength(4));
  });

  it('filters by target', async () => {
    setUp();
    fireEvent.change(await screen.findByRole('combobox', { name: '对象' }), { target: { value: 'industry' } });
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.batteriesIndustry]));
    expect(window.location.hash).toBe('#/warnings?target=industry');
  });

  it('filters by deadline within 7 days', async () => {
    const { backend } = setUp();
    fireEvent.change(await screen.findByRole('combobox', { name: '期限' }), { target: { value: '7' } });
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.toys]));
    expect(backend.callsTo('warningsList').at(-1)).toMatchObject({ deadlineWithinDays: 7 });
  });

  it('filters by member', async () => {
    setUp();
    fireEvent.change(await screen.findByRole('combobox', { name: '成员' }), { target: { value: 'SAU' } });
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.batteries, FAKE_WARNING_UIDS.batteriesIndustry]));
    expect(window.location.hash).toBe('#/warnings?member=SAU');
  });

  it('shows 50 warnings a page and moves between pages', async () => {
    const backend = createFakeBackend();
    const state = warningsOf(backend);
    state.seed();
    const tea = state.warnings.find((w) => w.uid === FAKE_WARNING_UIDS.tea)!;
    for (let i = 1; i <= 56; i++) state.warnings.push({ ...structuredClone(tea), uid: `019a9f3c-3d00-7000-8000-${String(i).padStart(12, '0')}` });
    renderApp({ backend, route: { section: 'warnings', id: null } });
    await waitFor(async () => expect(await rowTexts()).toHaveLength(50));
    expect(screen.getByText('第 1 / 2 页')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(window.location.hash).toBe('#/warnings?page=2'));
    await waitFor(async () => expect(await rowTexts()).toHaveLength(10));
    expect(backend.callsTo('warningsList').at(-1)).toMatchObject({ offset: 50, limit: 50 });
    expect(screen.getByText('第 2 / 2 页')).toBeTruthy();
  });

  it('sorts by deadline when asked', async () => {
    setUp('sort=deadline');
    await waitFor(async () => expect((await rowTexts())[0]).toBe(FAKE_WARNING_UIDS.toys));
  });

  it('moves through the warnings with j and k, opening each beside the list, and Enter goes into it', async () => {
    setUp();
    const inbox = await screen.findByTestId('warnings-inbox');
    await within(inbox).findAllByRole('row');
    inbox.focus();
    fireEvent.keyDown(inbox, { key: 'j' });
    await waitFor(() => expect(window.location.hash).toBe(`#/warnings?uid=${FAKE_WARNING_UIDS.batteries}`));
    expect(await screen.findByRole('complementary', { name: '预警详情' })).toBeTruthy();
    // The list keeps the keys after the address changed.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('warnings-inbox'));
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    await waitFor(() => expect(window.location.hash).toBe(`#/warnings?uid=${FAKE_WARNING_UIDS.batteriesIndustry}`));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('warnings-inbox'));
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    await waitFor(() => expect(window.location.hash).toBe(`#/warnings?uid=${FAKE_WARNING_UIDS.batteries}`));
    const selected = (await screen.findByTestId('warnings-inbox')).querySelector('tr[aria-selected="true"]');
    expect(selected?.getAttribute('data-uid')).toBe(FAKE_WARNING_UIDS.batteries);
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('warnings-inbox'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(document.activeElement?.id).toBe('warning-detail');
  });

  it('says so when nothing matches, and reloads when the warnings change', async () => {
    const { backend } = setUp('level=blue');
    expect(await screen.findByText('没有符合条件的预警')).toBeTruthy();
    const calls = backend.callsTo('warningsList').length;
    const tea = warningsOf(backend).warnings.find((w) => w.uid === FAKE_WARNING_UIDS.tea)!;
    tea.level = 'blue';
    backend.emit('dataChanged', { entity: 'warnings' });
    await waitFor(async () => expect(await rowTexts()).toEqual([FAKE_WARNING_UIDS.tea]));
    expect(backend.callsTo('warningsList').length).toBeGreaterThan(calls);
  });

  it('reads in English', async () => {
    setUp(undefined, 'en');
    const levels = await screen.findByRole('group', { name: 'Level' });
    await waitFor(() => expect(within(levels).getByRole('button', { name: 'Red 2' })).toBeTruthy());
    const rows = within(await screen.findByTestId('warnings-inbox')).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Technical regulation for lithium-ion batteries');
    expect(rows[1]!.textContent).toContain('USD 5,000,000');
    expect(rows[1]!.textContent).toContain('Direct');
    expect(screen.getByText('4 in all')).toBeTruthy();
  });
});
