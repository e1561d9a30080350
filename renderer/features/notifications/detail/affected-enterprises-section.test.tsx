import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBackend, makeNotification } from '../../../testing/fake-backend';
import { FAKE_ENTERPRISES, FAKE_WARNING_UIDS, warningsOf } from '../../../testing/fake-warnings';
import { renderApp } from '../../../testing/render-app';

function setUp(id: number, { seed = true }: { seed?: boolean } = {}) {
  const backend = createFakeBackend({
    notifications: [makeNotification({ id: 1, symbol: 'G/TBT/N/SAU/1201' }), makeNotification({ id: 9, symbol: 'G/TBT/N/SAU/1300' })],
  });
  if (seed) warningsOf(backend).seed();
  const app = renderApp({ backend, route: { section: 'notifications', id } });
  return { backend, app };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the affected enterprises of a notification', () => {
  it('lists the warnings on the measure, highest score first, each linking to its warning', async () => {
    const { backend } = setUp(1);
    const section = await screen.findByRole('region', { name: '受影响的企业与产业' });
    const rows = (await within(section).findAllByRole('row')).slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^红色宁远新能源电池有限公司 91330100MA2B3C4D5E75直接匹配新预警$/),
      expect.stringMatching(/^红色锂电池70直接匹配新预警$/),
    ]);
    expect(backend.callsTo('warningsForNotification')).toEqual([{ notificationId: 1 }]);
    fireEvent.click(within(section).getByRole('link', { name: '宁远新能源电池有限公司' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/warnings?uid=${FAKE_WARNING_UIDS.batteries}`));
    expect(await screen.findByRole('complementary', { name: '预警详情' })).toBeTruthy();
  });

  it('makes the letters for the red and orange warnings in one go and downloads the one file', async () => {
    const { backend } = setUp(1);
    const downloads: string[] = [];
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:letter'), configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const section = await screen.findByRole('region', { name: '受影响的企业与产业' });
    fireEvent.click(await within(section).findByRole('button', { name: '批量生成预警函' }));
    await waitFor(() => expect(backend.callsTo('warningLettersBatch')).toEqual([{ notificationId: 1, format: 'docx', inline: true }]));
    await waitFor(() => expect(downloads).toEqual([expect.stringMatching(/^预警函-宁远新能源电池有限公司-.*\.docx$/)]));
    expect(await screen.findByText('已生成 1 份预警函')).toBeTruthy();
    expect(warningsOf(backend).letters.map((l) => l.enterpriseUid)).toEqual([FAKE_ENTERPRISES.battery.uid]);
  });

  it('says none are affected, with no batch button, when the measure reaches nobody', async () => {
    setUp(9);
    const section = await screen.findByRole('region', { name: '受影响的企业与产业' });
    expect(await within(section).findByText('本通报的措施未影响任何已登记的企业或重点产业。')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: '批量生成预警函' })).toBeNull();
  });

  it('shows the refusal of a batch', async () => {
    const { backend } = setUp(1);
    backend.failures.warningLettersBatch = { code: 'BUSY', message: 'a letter is being written already' };
    const section = await screen.findByRole('region', { name: '受影响的企业与产业' });
    fireEvent.click(await within(section).findByRole('button', { name: '批量生成预警函' }));
    expect(await within(section).findByText(/a letter is being written already/)).toBeTruthy();
  });
});
