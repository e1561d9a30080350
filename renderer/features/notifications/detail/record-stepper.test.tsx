import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../../testing/fake-backend';
import { fakeLayout } from '../../../testing/layout';
import { renderApp } from '../../../testing/render-app';

const LIST = { section: 'notifications', id: null } as const;
const RECORDS = [
  makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9001', distributionDate: '2026-10-03' }),
  makeNotification({ id: 2, symbol: 'G/TBT/N/SAU/9002', distributionDate: '2026-10-02' }),
  makeNotification({ id: 3, symbol: 'G/TBT/N/SAU/9003', distributionDate: '2026-10-01' }),
];

const heading = (): string => screen.getByRole('heading', { level: 2 }).textContent ?? '';
const stepper = (): HTMLElement => screen.getByRole('group', { name: '在列表中的位置' });

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

async function openSecondFromList() {
  const app = renderApp({ backend: createFakeBackend({ notifications: RECORDS }), route: LIST });
  const link = await screen.findByRole('link', { name: 'G/TBT/N/SAU/9002' });
  fireEvent.click(link);
  await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' });
  return app;
}

describe('previous and next record', () => {
  it('steps through the list in its order with the buttons and Ctrl+, / Ctrl+.', async () => {
    const { store } = await openSecondFromList();
    expect(within(stepper()).getByText('第 2 条，共 3 条')).toBeTruthy();

    fireEvent.click(within(stepper()).getByRole('button', { name: /下一条/ }));
    await waitFor(() => expect(heading()).toBe('G/TBT/N/SAU/9003'));
    expect(within(stepper()).getByText('第 3 条，共 3 条')).toBeTruthy();
    expect(within(stepper()).getByRole('button', { name: /下一条/ })).toHaveProperty('disabled', true);

    // By key position, so Chinese punctuation (，。) does not get in the way.
    fireEvent.keyDown(window, { key: '，', code: 'Comma', ctrlKey: true });
    await waitFor(() => expect(heading()).toBe('G/TBT/N/SAU/9002'));
    fireEvent.keyDown(window, { key: '，', code: 'Comma', ctrlKey: true });
    await waitFor(() => expect(heading()).toBe('G/TBT/N/SAU/9001'));
    expect(within(stepper()).getByRole('button', { name: /上一条/ })).toHaveProperty('disabled', true);

    // Back in the list, the selection is on the record last shown.
    act(() => store.getState().navigate(LIST));
    const rows = await screen.findAllByRole('row');
    await waitFor(() => expect(rows.find((r) => r.getAttribute('aria-current') === 'true')?.textContent).toContain('G/TBT/N/SAU/9001'));
  });

  it('asks about unsaved edits before stepping on', async () => {
    const { store } = await openSecondFromList();
    fireEvent.change(within(screen.getByRole('form', { name: '评议处理' })).getByLabelText('备注'), { target: { value: '未保存' } });
    fireEvent.keyDown(window, { key: '.', code: 'Period', ctrlKey: true });
    const question = screen.getByRole('dialog', { name: '有未保存的修改' });
    fireEvent.click(within(question).getByRole('button', { name: '继续编辑' }));
    expect(store.getState().route).toEqual({ section: 'notifications', id: 2 });
    expect(within(stepper()).getByText('第 2 条，共 3 条')).toBeTruthy();
  });

  it('is not shown for a record opened from elsewhere', async () => {
    renderApp({ backend: createFakeBackend({ notifications: RECORDS }), route: { section: 'notifications', id: 2 } });
    await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' });
    expect(screen.queryByRole('group', { name: '在列表中的位置' })).toBeNull();
  });
});
