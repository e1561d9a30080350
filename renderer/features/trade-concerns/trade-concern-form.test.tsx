import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../testing/fake-backend';
import { renderApp } from '../../testing/render-app';

describe('the trade-concern form', () => {
  it('names members beyond the SCO list, such as the EU and the United States', async () => {
    const backend = createFakeBackend();
    renderApp({ backend, route: { section: 'comments', id: null, view: 'trade-concerns' } });
    fireEvent.click(await screen.findByRole('button', { name: '新建贸易关注' }));
    const form = await screen.findByRole('form', { name: '新建贸易关注' });
    fireEvent.change(within(form).getByLabelText('标题（中文）'), { target: { value: '欧美电池法规' } });
    const others = within(form).getByRole('group', { name: '其他 WTO 成员' });
    fireEvent.click(within(others).getByLabelText('欧盟 EU'));
    fireEvent.click(within(others).getByLabelText('美国 USA'));
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.callsTo('tradeConcernsSave')).toHaveLength(1));
    expect(backend.callsTo('tradeConcernsSave')[0]).toMatchObject({ titleZh: '欧美电池法规', memberCodes: ['EU', 'USA'] });
  });
});
