import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../testing/fake-backend';
import { fakeLayout } from '../../testing/layout';
import { renderApp } from '../../testing/render-app';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

const ADDENDUM = makeNotification({
  id: 7,
  symbol: 'G/TBT/N/UZB/70/Add.1',
  baseSymbol: 'G/TBT/N/UZB/70',
  parentSymbol: 'G/TBT/N/UZB/70',
  docType: 'addendum',
  missingBase: 'G/TBT/N/UZB/70',
});

describe('a follow-up whose base is not in the store', () => {
  it('says so on its detail page and searches the list for the base', async () => {
    const backend = createFakeBackend({ notifications: [ADDENDUM, makeNotification({ id: 8, symbol: 'G/TBT/N/SAU/9' })] });
    const { store } = renderApp({ backend, route: { section: 'notifications', id: 7 } });
    const note = await screen.findByRole('note', { name: '基础通报不在库中' });
    expect(note.textContent).toContain('库中没有基础通报 G/TBT/N/UZB/70');
    fireEvent.click(within(note).getByRole('button', { name: '搜索 G/TBT/N/UZB/70' }));
    await waitFor(() => expect(store.getState().route).toMatchObject({ section: 'notifications', id: null }));
    expect(((await screen.findByRole('searchbox', { name: '搜索通报' })) as HTMLInputElement).value).toBe('G/TBT/N/UZB/70');
    await waitFor(() => expect(backend.callsTo('notificationsList')).toContainEqual(expect.objectContaining({ query: 'G/TBT/N/UZB/70' })));
  });

  it('says so in English too', async () => {
    const backend = createFakeBackend({ notifications: [ADDENDUM], settings: { locale: 'en' } });
    renderApp({ backend, route: { section: 'notifications', id: 7 } });
    const note = await screen.findByRole('note', { name: 'Base notification not in the store' });
    expect(note.textContent).toContain('the base notification G/TBT/N/UZB/70 is not in the store');
    expect(within(note).getByRole('button', { name: 'Search for G/TBT/N/UZB/70' })).toBeTruthy();
  });

  it('is not shown when the base is there', async () => {
    const backend = createFakeBackend({ notifications: [{ ...ADDENDUM, missingBase: null }] });
    renderApp({ backend, route: { section: 'notifications', id: 7 } });
    expect(await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/UZB/70/Add.1' })).toBeTruthy();
    expect(screen.queryByRole('note', { name: '基础通报不在库中' })).toBeNull();
  });
});
