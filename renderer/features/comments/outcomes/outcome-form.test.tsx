import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../../testing/fake-backend';
import { actAs, commentsOf, makeComment, makePoint } from '../../../testing/fake-comments';
import { renderApp } from '../../../testing/render-app';

async function openOutcomeForm() {
  const backend = createFakeBackend();
  commentsOf(backend).comments.push(
    makeComment({
      id: 1,
      status: 'submitted',
      submission: { date: '2026-10-01', channel: 'enquiry-point', reference: 'CHN/TBT/2026/9' },
      content: { titleZh: '评议意见', titleEn: 'Comments', points: [makePoint('p1'), makePoint('p2')] },
      measureTimeline: [
        { id: 1, symbol: 'G/TBT/N/SAU/9002', memberCode: 'SAU', docType: 'regular', distributionDate: '2026-09-01', commentDeadline: '2026-10-31', title: 'Refrigerators', isCurrent: true },
        { id: 2, symbol: 'G/TBT/N/SAU/9002/Add.1', memberCode: 'SAU', docType: 'addendum', distributionDate: '2026-11-10', commentDeadline: null, title: 'Adopted', isCurrent: false },
      ],
    }),
  );
  actAs(backend, '张敏');
  renderApp({ backend, route: { section: 'comments', id: 1 } });
  const panel = await screen.findByRole('region', { name: '采纳情况' });
  const point = within(panel).getByRole('listitem', { name: '第 1 点' });
  fireEvent.click(within(point).getByRole('button', { name: '记录结果' }));
  const form = within(point).getByRole('form', { name: '第 1 点的采纳结果' });
  return { backend, point, form };
}

describe('outcome form', () => {
  it('will not record an adoption without evidence', async () => {
    const { backend, form } = await openOutcomeForm();
    expect((within(form).getByLabelText('结果') as HTMLSelectElement).value).toBe('adopted');
    fireEvent.click(within(form).getByLabelText('无证据'));
    expect(within(form).getByText('证据（必填）')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    expect(within(form).getByRole('alert').textContent).toContain('“采纳”和“部分采纳”需要证据');
    expect(backend.callsTo('commentsRecordOutcome')).toEqual([]);

    // A regulation needs its name and date too.
    fireEvent.click(within(form).getByLabelText('正式发布的法规'));
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    expect(within(form).getByRole('alert').textContent).toContain('请填写法规名称、编号或公报出处。');
    expect(within(form).getByRole('alert').textContent).toContain('请填写法规的发布日期。');
    expect(backend.callsTo('commentsRecordOutcome')).toEqual([]);
  });

  it('records an adoption evidenced by a later notification of the measure, suggested from its timeline', async () => {
    const { backend, point, form } = await openOutcomeForm();
    // With a later addendum on file, the form starts from "later notification".
    expect((within(form).getByLabelText('后续通报') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'G/TBT/N/SAU/9002/Add.1' }));
    fireEvent.change(within(form).getByLabelText('为企业节约的成本（元，可选）'), { target: { value: '2000000' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    expect(within(form).getByRole('alert').textContent).toContain('请说明估算方法');
    fireEvent.change(within(form).getByLabelText('估算方法'), { target: { value: '出口量 × 免除的检测费' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    await waitFor(() => expect(within(point).queryByRole('form')).toBeNull());
    expect(backend.callsTo('commentsRecordOutcome')).toEqual([
      {
        id: 1,
        pointKey: 'p1',
        outcome: 'adopted',
        note: '',
        evidence: { kind: 'notification', symbol: 'G/TBT/N/SAU/9002/Add.1' },
        costSparedCny: 2000000,
        costMethod: '出口量 × 免除的检测费',
      },
    ]);
    expect(point.textContent).toContain('采纳');
    expect(point.textContent).toContain('证据：G/TBT/N/SAU/9002/Add.1');
    expect(point.textContent).toContain('节约成本 200万元');
  });

  it('records a refusal without evidence', async () => {
    const { backend, form } = await openOutcomeForm();
    fireEvent.change(within(form).getByLabelText('结果'), { target: { value: 'not_adopted' } });
    fireEvent.click(within(form).getByLabelText('无证据'));
    fireEvent.change(within(form).getByLabelText('结果日期（可选）'), { target: { value: '2026-11-15' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    await waitFor(() => expect(backend.callsTo('commentsRecordOutcome')).toHaveLength(1));
    expect(backend.callsTo('commentsRecordOutcome')[0]).toEqual(expect.objectContaining({ outcome: 'not_adopted', date: '2026-11-15' }));
    expect(backend.callsTo('commentsRecordOutcome')[0]).not.toHaveProperty('evidence');
  });

  it('refuses an outcome date that is no day in the calendar, and takes one written 2026年11月15日', async () => {
    const { backend, form } = await openOutcomeForm();
    fireEvent.change(within(form).getByLabelText('结果'), { target: { value: 'not_adopted' } });
    fireEvent.click(within(form).getByLabelText('无证据'));
    const date = within(form).getByLabelText('结果日期（可选）');
    fireEvent.change(date, { target: { value: '2026年2月30日' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    expect(within(form).getByRole('alert').textContent).toBe('日期不是日历中的一天。');
    expect(backend.callsTo('commentsRecordOutcome')).toEqual([]);
    fireEvent.change(date, { target: { value: '2026年11月15日' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存结果' }));
    await waitFor(() => expect(backend.callsTo('commentsRecordOutcome')).toHaveLength(1));
    expect(backend.callsTo('commentsRecordOutcome')[0]).toEqual(expect.objectContaining({ outcome: 'not_adopted', date: '2026-11-15' }));
  });
});
