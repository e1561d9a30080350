import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, makeNotification } from '../../../testing/fake-backend';
import { renderApp } from '../../../testing/render-app';

const MANUAL = makeNotification({
  id: 2,
  symbol: 'NAT/SAU/2026/0002',
  source: 'manual',
  title: '沙特冰箱能效国内法规',
  hsCodes: ['8418.10', '8418.21'],
  distributionDate: '2026-11-01',
  commentDeadline: '2026-12-31',
});
const IMPORTED = makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/9002', source: 'eping' });

function openRecord(id: number) {
  const backend = createFakeBackend({ notifications: [IMPORTED, MANUAL] });
  return renderApp({ backend, route: { section: 'notifications', id } });
}

/** The error line under a field, found through the field's aria-describedby. */
function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))?.textContent ?? '';
}

async function openEditor(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
  return screen.getByRole('dialog', { name: '编辑手动录入的通报' });
}

describe('editing a manually entered notification', () => {
  it('offers no Edit button on an imported record', async () => {
    openRecord(1);
    await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' });
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
  });

  it('opens the form filled with the record and sends only the changed fields', async () => {
    const { backend } = openRecord(2);
    const form = within(await openEditor());
    expect((form.getByLabelText('标题') as HTMLInputElement).value).toBe('沙特冰箱能效国内法规');
    expect((form.getByLabelText('HS 编码') as HTMLInputElement).value).toBe('8418.10, 8418.21');
    expect(form.getByLabelText('WTO 通报编号（可选）')).toHaveProperty('disabled', true);
    expect(form.getByLabelText('通报成员')).toHaveProperty('disabled', true);

    fireEvent.change(form.getByLabelText('标题'), { target: { value: '沙特家用冰箱能效国内法规（修订）' } });
    fireEvent.change(form.getByLabelText('评议截止日期'), { target: { value: '2027-01-15' } });
    fireEvent.click(form.getByRole('button', { name: '保存修改' }));

    expect(await screen.findByText('已保存 NAT/SAU/2026/0002 的修改')).toBeTruthy();
    expect(backend.callsTo('notificationsUpdateManual')).toEqual([{ id: 2, title: '沙特家用冰箱能效国内法规（修订）', commentDeadline: '2027-01-15' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    // The detail is read again and shows the new title.
    expect((await screen.findAllByText('沙特家用冰箱能效国内法规（修订）')).length).toBeGreaterThan(0);
  });

  it('puts the validation messages next to each field, as the entry form does', async () => {
    const { backend } = openRecord(2);
    const dialog = await openEditor();
    const form = within(dialog);
    fireEvent.change(form.getByLabelText('标题'), { target: { value: ' ' } });
    fireEvent.click(form.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(errorOf(form.getByLabelText('标题'))).toBe('此项必填。'));

    fireEvent.change(form.getByLabelText('标题'), { target: { value: '沙特冰箱能效国内法规' } });
    fireEvent.change(form.getByLabelText('评议截止日期'), { target: { value: '2026-10-01' } });
    fireEvent.click(form.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(errorOf(form.getByLabelText('评议截止日期'))).toBe('评议截止日期不能早于分发日期。'));
    expect(form.getByRole('alert').textContent).toBe('有 1 处需要修改，请查看标红的字段。');
    expect(backend.notifications.find((n) => n.id === 2)?.commentDeadline).toBe('2026-12-31');
  });
});
