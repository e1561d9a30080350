import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTING_AS_KEY } from '../features/comments/acting-as';
import { createFakeBackend, makeNotification } from '../testing/fake-backend';
import { actAs } from '../testing/fake-comments';
import { renderApp } from '../testing/render-app';

const ZHANG = '019a9f3c-2a00-7000-8000-000000000001';
const LI = '019a9f3c-2a00-7000-8000-000000000002';

const picker = (): HTMLSelectElement => within(screen.getByRole('banner')).getByLabelText<HTMLSelectElement>('当前身份');

describe('the acting-as switch in the header', () => {
  beforeEach(() => window.sessionStorage.removeItem(ACTING_AS_KEY));

  it('is on every screen, asks for an analyst while nobody acts, and acts as the one chosen', async () => {
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 7, symbol: 'G/TBT/N/SAU/9002' })] });
    actAs(backend, null);
    const { store } = renderApp({ backend, route: { section: 'notifications', id: null } });
    await waitFor(() => expect(within(picker()).getByRole('option', { name: '请选择分析员' })).toBeTruthy());
    // The placeholder shows before the team has loaded too: a choice made then would find nobody.
    await waitFor(() => expect(within(picker()).getByRole('option', { name: '李强' })).toBeTruthy());
    expect(picker().value).toBe('');

    fireEvent.change(picker(), { target: { value: LI } });
    await waitFor(() => expect(picker().value).toBe(LI));
    expect(backend.callsTo('analystsSetActing')).toEqual([{ uid: LI }]);
    expect(within(picker()).queryByRole('option', { name: '请选择分析员' })).toBeNull();
    expect(await screen.findByText('此后的修改以 李强 的名义记录。')).toBeTruthy();

    // The same choice on another screen, and writes carry no name: the backend records who acts.
    store.getState().navigate({ section: 'comments', id: null });
    await waitFor(() => expect(picker().value).toBe(LI));
    store.getState().navigate({ section: 'notifications', id: 7 });
    const form = await screen.findByRole('form', { name: '评议处理' });
    fireEvent.change(within(form).getByLabelText('处理状态'), { target: { value: 'screening' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存评议处理' }));
    await waitFor(() => expect(backend.callsTo('notificationsTriageUpdate')).toHaveLength(1));
    expect(backend.callsTo('notificationsTriageUpdate')[0]).not.toHaveProperty('actor');
    expect(backend.notifications[0]?.triage).toMatchObject({ status: 'screening', updatedBy: '李强', updatedById: LI });
  });

  it('shows the analyst this workstation already acts as', async () => {
    window.sessionStorage.setItem(ACTING_AS_KEY, '张敏');
    renderApp({ route: { section: 'settings', id: null } });
    await waitFor(() => expect(picker().value).toBe(ZHANG));
    expect(within(picker()).getByRole('option', { name: '张敏', selected: true })).toBeTruthy();
  });
});
