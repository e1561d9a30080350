import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../testing/fake-backend';
import { FAKE_WARNING_UIDS, warningsOf } from '../testing/fake-warnings';
import { renderApp } from '../testing/render-app';

const alerts = (name = '预警提醒'): Promise<HTMLElement> => screen.findByRole('status', { name });

describe('warning alerts in the window', () => {
  it('at start: new red and orange warnings, and deadlines within 7 days, each linking to the filtered inbox', async () => {
    const backend = createFakeBackend();
    warningsOf(backend).seed();
    renderApp({ backend });
    const region = await alerts();
    // Created now: the two red ones; the orange toy warning is two days old. Due within 7 days: the toys.
    const raised = await within(region).findByRole('link', { name: '2 条新的红色/橙色预警' });
    const due = within(region).getByRole('link', { name: '1 条预警的期限在 7 天内' });
    expect(raised.getAttribute('href')).toBe('#/warnings?level=red,orange&state=new,acknowledged,planned&sort=created');
    expect(due.getAttribute('href')).toBe('#/warnings?state=new,acknowledged,planned&within=7&sort=deadline');

    fireEvent.click(due);
    await waitFor(() => expect(window.location.hash).toBe('#/warnings?state=new,acknowledged,planned&within=7&sort=deadline'));
    const inbox = await screen.findByTestId('warnings-inbox');
    await waitFor(() => expect([...inbox.querySelectorAll('tr[data-uid]')].map((r) => r.getAttribute('data-uid'))).toEqual([FAKE_WARNING_UIDS.toys]));
    expect(backend.callsTo('warningsList').at(-1)).toMatchObject({ states: ['new', 'acknowledged', 'planned'], deadlineWithinDays: 7, sort: 'deadline' });
  });

  it('shows nothing when there is nothing to say', async () => {
    const backend = createFakeBackend();
    renderApp({ backend });
    await waitFor(() => expect(backend.callsTo('warningAlerts')).toHaveLength(1));
    expect(screen.queryByRole('status', { name: '预警提醒' })).toBeNull();
  });

  it('announces the warnings a pass raised, and not again once dismissed', async () => {
    const backend = createFakeBackend();
    renderApp({ backend });
    await waitFor(() => expect(backend.callsTo('warningAlerts')).toHaveLength(1));
    warningsOf(backend).seed();
    // Old news for the check at start: make every warning older than a day.
    for (const w of warningsOf(backend).warnings) w.createdAt = '2026-01-01T00:00:00.000Z';
    act(() => warningsOf(backend).raise([FAKE_WARNING_UIDS.batteries]));
    const region = await alerts();
    expect(await within(region).findByRole('link', { name: '1 条新的红色/橙色预警' })).toBeTruthy();
    fireEvent.click(within(region).getAllByRole('button', { name: '知道了' })[0]!);
    await waitFor(() => expect(screen.queryByRole('link', { name: /新的红色/ })).toBeNull());

    act(() => warningsOf(backend).raise([FAKE_WARNING_UIDS.batteries]));
    await waitFor(() => expect(backend.callsTo('warningAlerts').length).toBeGreaterThanOrEqual(3));
    expect(screen.queryByRole('link', { name: /新的红色/ })).toBeNull();

    act(() => warningsOf(backend).raise([FAKE_WARNING_UIDS.batteriesIndustry]));
    expect(await screen.findByRole('link', { name: '1 条新的红色/橙色预警' })).toBeTruthy();
  });

  it('reads in English', async () => {
    const backend = createFakeBackend({ settings: { locale: 'en' } });
    warningsOf(backend).seed();
    renderApp({ backend });
    const region = await alerts('Warning alerts');
    expect(await within(region).findByRole('link', { name: '2 new red/orange warnings' })).toBeTruthy();
    expect(within(region).getByRole('link', { name: '1 warnings with a deadline within 7 days' })).toBeTruthy();
  });
});
