import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../../shared/contract';
import { createFakeBackend, makeNotification } from '../../testing/fake-backend';
import { fakeLayout } from '../../testing/layout';
import { renderApp } from '../../testing/render-app';

const NOTIFICATIONS_ROUTE = { section: 'notifications', id: null } as const;
/** The analysts the records name, by uid. */
const WANG = '019a9f3c-2a00-7000-8000-0000000000b1';

function fieldValue(label: string): string | null | undefined {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term?.nextElementSibling?.textContent;
}

describe('notification list', () => {
  it('says what will appear when there are no notifications', async () => {
    renderApp({ route: NOTIFICATIONS_ROUTE });
    expect(await screen.findByRole('heading', { name: '还没有通报' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '前往工作台' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('工作台');
  });

  it('opens the detail view from the symbol', async () => {
    const restore = fakeLayout();
    const backend = createFakeBackend({ notifications: [makeNotification({ id: 5, symbol: 'G/TBT/N/SAU/9002' })] });
    const { store } = renderApp({ backend, route: NOTIFICATIONS_ROUTE });
    fireEvent.click(await screen.findByRole('link', { name: 'G/TBT/N/SAU/9002' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002' })).toBeTruthy();
    expect(store.getState().route).toEqual({ section: 'notifications', id: 5 });
    expect(window.location.hash).toBe('#/notifications/5');
    restore();
  });
});

describe('notification detail', () => {
  const full: NotificationDetail = makeNotification({
    id: 9,
    symbol: 'G/TBT/N/SAU/9002/Add.1',
    baseSymbol: 'G/TBT/N/SAU/9002',
    parentSymbol: 'G/TBT/N/SAU/9002',
    docType: 'addendum',
    titleZh: '沙特家用冰箱能效技术法规草案',
    proposedAdoption: 'Not stated',
    proposedEntryIntoForce: '180 days after publication',
    countriesAffected: ['All trading partners'],
    jointSymbols: ['G/TBT/N/ARE/9002'],
    documentLinks: ['https://members.wto.org/crnattachments/2026/TBT/SAU/26_0001_00_e.pdf'],
    links: { en: 'https://docs.wto.org/en.pdf', fr: null, es: 'https://docs.wto.org/es.pdf' },
    triage: {
      status: 'assessing',
      relevance: 'high',
      assignee: '王评议',
      assigneeId: WANG,
      notes: '关注能效测试方法',
      industries: ['home-appliances'],
      updatedAt: '2026-11-20T02:00:00.000Z',
      updatedBy: '王评议',
      updatedById: WANG,
    },
    translation: {
      titleZh: '冰箱能效',
      descriptionZh: '最低能效要求',
      translator: '李译',
      translatorId: '019a9f3c-2a00-7000-8000-0000000000b2',
      status: 'reviewed',
      updatedAt: '2026-11-19T02:00:00.000Z',
      updatedBy: '王评议',
      updatedById: WANG,
    },
    deadline: { daysLeft: 12, state: 'closing-soon' },
    timeline: [
      { id: 8, symbol: 'G/TBT/N/SAU/9002', memberCode: 'SAU', docType: 'regular', distributionDate: '2026-09-01', commentDeadline: '2026-10-31', title: 'base', isCurrent: false },
      { id: 9, symbol: 'G/TBT/N/SAU/9002/Add.1', memberCode: 'SAU', docType: 'addendum', distributionDate: '2026-11-01', commentDeadline: null, title: 'add', isCurrent: true },
    ],
    attachments: [
      { id: 1, notificationId: 9, fileName: '法规草案.pdf', sha256: 'ab', size: 1536, mediaType: 'application/pdf', addedAt: '2026-11-20T02:00:00.000Z', addedBy: '王评议', addedById: WANG },
    ],
    changes: [
      { id: 1, at: '2026-11-20T02:00:00.000Z', actor: 'import', field: 'commentDeadline', oldValue: '2026-12-01', newValue: '2026-12-31', importId: 3 },
    ],
  });

  it('shows every field of the record and the related parts', async () => {
    renderApp({ backend: createFakeBackend({ notifications: [full] }), route: { section: 'notifications', id: 9 } });
    expect(await screen.findByRole('heading', { level: 2, name: 'G/TBT/N/SAU/9002/Add.1' })).toBeTruthy();
    expect(fieldValue('通报成员')).toBe('沙特阿拉伯 SAU');
    expect(fieldValue('基础通报编号')).toBe('G/TBT/N/SAU/9002');
    expect(fieldValue('文件类型')).toBe('增补');
    expect(fieldValue('分发日期')).toBe('2026年11月1日');
    expect(fieldValue('评议截止日期')).toBe('2026年12月31日');
    expect(fieldValue('拟生效日期')).toBe('180 days after publication');
    expect(fieldValue('可能受影响的地区')).toBe('All trading partners');
    expect(fieldValue('联合通报编号')).toBe('G/TBT/N/ARE/9002');
    expect(fieldValue('HS 编码')).toBe('8418.10');
    expect(fieldValue('数据来源')).toBe('示例数据');
    expect((screen.getByLabelText('处理状态') as HTMLSelectElement).value).toBe('assessing');
    expect((screen.getByLabelText('相关程度') as HTMLSelectElement).value).toBe('high');
    expect((screen.getByLabelText('译者') as HTMLInputElement).value).toBe('李译');
    expect(within(screen.getByRole('region', { name: '相关通报时间线' })).getByText('已过', { exact: false })).toBeTruthy();
    expect(screen.getByText('距评议截止还有 12 天')).toBeTruthy();
    expect(screen.getByRole('link', { name: '英文' }).getAttribute('href')).toBe('https://docs.wto.org/en.pdf');
    expect(screen.queryByRole('link', { name: '法文' })).toBeNull();
    expect(screen.getByRole('link', { name: 'G/TBT/N/SAU/9002' }).getAttribute('href')).toBe('#/notifications/8');
    expect(within(screen.getByRole('table', { name: '附件' })).getByText('1.5 KB')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: '修改记录' })).getByText('导入 #3', { exact: false })).toBeTruthy();
  });

  it('shows fields it has no special place for instead of dropping them', async () => {
    const withExtra = { ...full, riskScore: 87 } as NotificationDetail;
    renderApp({ backend: createFakeBackend({ notifications: [withExtra] }), route: { section: 'notifications', id: 9 } });
    const other = await screen.findByRole('region', { name: '其他字段' });
    expect(within(other).getByText('riskScore')).toBeTruthy();
    expect(within(other).getByText('87')).toBeTruthy();
  });

  it('says when the record does not exist', async () => {
    renderApp({ route: { section: 'notifications', id: 404 } });
    expect((await screen.findByRole('alert')).textContent).toBe('找不到编号为 404 的通报记录，可能已被删除。');
    fireEvent.click(screen.getByRole('link', { name: /返回通报列表/ }));
    expect(await screen.findByRole('heading', { name: '还没有通报' })).toBeTruthy();
  });
});
