import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { createFakeBackend, type FakeBackend } from '../testing/fake-backend';
import { commentsOf, makeComment } from '../testing/fake-comments';
import { renderApp } from '../testing/render-app';

/** Let every load a change may have started answer before counting calls. */
const settle = (): Promise<void> => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)));

function report(backend: FakeBackend, change: EventPayload<'dataChanged'>): void {
  act(() => backend.emit('dataChanged', change));
}

describe('reloading on change events', () => {
  it('the comments list does not reload on another entity’s change, and reloads once on its own', async () => {
    const backend = createFakeBackend();
    commentsOf(backend).comments.push(makeComment({ id: 1 }));
    renderApp({ backend, route: { section: 'comments', id: null } });
    await screen.findByText('关于沙特冰箱能效法规的评议意见');
    await settle();
    const loads = backend.callsTo('commentsList').length;

    for (const entity of ['triage', 'translations', 'templates', 'savedSearches', 'backups'] as const) report(backend, { entity, ids: [1] });
    await settle();
    expect(backend.callsTo('commentsList')).toHaveLength(loads);

    report(backend, { entity: 'comments', ids: [1] });
    await waitFor(() => expect(backend.callsTo('commentsList')).toHaveLength(loads + 1));
    await settle();
    expect(backend.callsTo('commentsList')).toHaveLength(loads + 1);

    // An outcome shows in the list too.
    report(backend, { entity: 'outcomes', ids: [1] });
    await waitFor(() => expect(backend.callsTo('commentsList')).toHaveLength(loads + 2));
  });

  it('a notification’s page reloads on a change of its own record, not of another one', async () => {
    const backend = createFakeBackend();
    const { store } = renderApp({ backend, route: { section: 'settings', id: null } });
    await act(() => store.getState().loadDemo());
    const [first, second] = backend.notifications;
    act(() => store.getState().navigate({ section: 'notifications', id: first!.id }));
    await screen.findByRole('heading', { name: first!.symbol });
    await settle();
    const loads = backend.callsTo('notificationsGet').length;

    report(backend, { entity: 'triage', ids: [second!.id] });
    report(backend, { entity: 'comments', ids: [first!.id] });
    await settle();
    expect(backend.callsTo('notificationsGet')).toHaveLength(loads);

    report(backend, { entity: 'triage', ids: [first!.id] });
    await waitFor(() => expect(backend.callsTo('notificationsGet')).toHaveLength(loads + 1));
    // An import names no records: any of them may have changed.
    report(backend, { entity: 'notifications' });
    await waitFor(() => expect(backend.callsTo('notificationsGet')).toHaveLength(loads + 2));
  });

  it('app info is read again only on the entities the frame shows of it', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'notifications', id: null } });
    await screen.findByRole('heading', { level: 1 });
    await settle();
    const reads = backend.callsTo('appInfo').length;

    for (const entity of ['triage', 'comments', 'outcomes', 'savedSearches', 'analysts'] as const) report(backend, { entity });
    await settle();
    expect(backend.callsTo('appInfo')).toHaveLength(reads);

    report(backend, { entity: 'notifications' });
    await waitFor(() => expect(backend.callsTo('appInfo')).toHaveLength(reads + 1));
  });
});
