import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/result';
import { createFakeBackend, makeNotification, type FakeBackend } from '../../../testing/fake-backend';
import { fakeLayout } from '../../../testing/layout';
import { renderApp } from '../../../testing/render-app';
import { fieldProblems, splitList, toCreateInput, EMPTY_MANUAL_FORM } from './manual-entry-form';

const LIST = { section: 'notifications', id: null } as const;

function backendWithUzbekistan(): FakeBackend {
  const backend = createFakeBackend({ notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/KAZ/1', memberCode: 'KAZ' })] });
  backend.countries.push({ code: 'UZB', nameZh: '乌兹别克斯坦', nameEn: 'Uzbekistan', epingName: null, scoStatus: 'member', wtoMember: false, blocs: [] });
  return backend;
}

async function openForm(backend = backendWithUzbekistan()) {
  const app = renderApp({ backend, route: LIST });
  fireEvent.click(await screen.findByRole('button', { name: '手动录入' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: '手动录入通报' }) };
}

/** The error line under a field, found through the field's aria-describedby. */
function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))?.textContent ?? '';
}

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

describe('manual entry', () => {
  it('puts the validation messages of the backend next to each field', async () => {
    const { dialog } = await openForm();
    const form = within(dialog);
    fireEvent.change(form.getByLabelText('分发（发布）日期'), { target: { value: '2026-11-01' } });
    fireEvent.change(form.getByLabelText('评议截止日期'), { target: { value: '2026-10-01' } });
    fireEvent.change(form.getByLabelText('文件链接'), { target: { value: 'ftp://example.com/a.pdf' } });
    fireEvent.click(form.getByRole('button', { name: '录入并打开' }));

    const member = form.getByLabelText('通报成员');
    await waitFor(() => expect(member.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(member)).toBe('请选择通报成员。');
    expect(errorOf(form.getByLabelText('标题'))).toBe('此项必填。');
    expect(errorOf(form.getByLabelText('评议截止日期'))).toBe('评议截止日期不能早于分发日期。');
    expect(errorOf(form.getByLabelText('文件链接'))).toBe('请填写以 http 或 https 开头的地址。');
    expect(form.getByRole('alert').textContent).toBe('有 4 处需要修改，请查看标红的字段。');
    expect(document.activeElement).toBe(member);

    // Fixing a field takes its message away.
    fireEvent.change(form.getByLabelText('标题'), { target: { value: '乌兹别克斯坦电动汽车充电设备技术规程' } });
    expect(form.getByLabelText('标题').getAttribute('aria-invalid')).toBeNull();
  });

  it('creates a record from a national source and opens it', async () => {
    const { dialog, store, backend } = await openForm();
    const form = within(dialog);
    fireEvent.change(form.getByLabelText('通报成员'), { target: { value: 'UZB' } });
    fireEvent.change(form.getByLabelText('标题'), { target: { value: '乌兹别克斯坦电动汽车充电设备技术规程' } });
    fireEvent.change(form.getByLabelText('HS 编码'), { target: { value: '8504.40，8544.42' } });
    fireEvent.change(form.getByLabelText('评议截止日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(form.getByRole('button', { name: '录入并打开' }));

    expect(await screen.findByText('已录入 NAT/UZB/2026/0002')).toBeTruthy();
    expect(store.getState().route).toEqual({ section: 'notifications', id: 2 });
    expect(backend.callsTo('notificationsCreate')[0]).toMatchObject({ memberCode: 'UZB', hsCodes: ['8504.40', '8544.42'], commentDeadline: '2026-12-31', distributionDate: null });
    expect(await screen.findByRole('heading', { level: 2, name: 'NAT/UZB/2026/0002' })).toBeTruthy();
  });

  it('says when the symbol is already stored', async () => {
    const { dialog } = await openForm();
    const form = within(dialog);
    fireEvent.change(form.getByLabelText('通报成员'), { target: { value: 'KAZ' } });
    fireEvent.change(form.getByLabelText('WTO 通报编号（可选）'), { target: { value: 'G/TBT/N/KAZ/1' } });
    fireEvent.change(form.getByLabelText('标题'), { target: { value: 'Duplicate' } });
    fireEvent.click(form.getByRole('button', { name: '录入并打开' }));
    await waitFor(() => expect(errorOf(form.getByLabelText('WTO 通报编号（可选）'))).toBe('该通报编号已经存在。'));
  });
});

describe('manual entry form values', () => {
  it('splits lists on commas, Chinese commas, semicolons and lines', () => {
    expect(splitList('8504.40，8544.42; 8507\n 8703.80 ,')).toEqual(['8504.40', '8544.42', '8507', '8703.80']);
  });

  it('leaves the symbol out when empty and turns empty dates into null', () => {
    const input = toCreateInput({ ...EMPTY_MANUAL_FORM, memberCode: 'UZB', title: ' t ' });
    expect(input).not.toHaveProperty('symbol');
    expect(input).toMatchObject({ title: 't', distributionDate: null, commentDeadline: null, documentLinks: [] });
  });

  it('reads field paths from VALIDATION details, with list items reported on their box', () => {
    const error = new ApiError({
      code: 'VALIDATION',
      message: 'x',
      details: { fields: [{ path: 'hsCodes.2', message: 'too long' }, { path: '(input)', message: 'bad' }, { path: 'nope', message: 'odd' }] },
    });
    expect(fieldProblems(error)).toEqual([
      { field: 'hsCodes', message: 'too long' },
      { field: null, message: 'bad' },
      { field: null, message: 'odd' },
    ]);
    expect(fieldProblems(new ApiError({ code: 'INTERNAL', message: 'x' }))).toEqual([]);
  });
});
