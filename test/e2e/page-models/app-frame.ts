import { expect, type Locator, type Page } from '@playwright/test';
import type { PingyiServer } from '../fixtures';

/** Navigation labels in rail order, as an analyst reads them. */
export const NAV_LABELS = {
  'zh-CN': ['工作台', '通报', '评议意见', '风险预警', '企业', '报告', '设置'],
  en: ['Dashboard', 'Notifications', 'Comments', 'Warnings', 'Enterprises', 'Reports', 'Settings'],
} as const;

/** The frame around every screen: navigation rail, header and error banner. */
export class AppFrame {
  readonly nav: Locator;
  readonly title: Locator;
  readonly errorBanner: Locator;
  /** The acting-as switch in the header: who every write is recorded by. */
  readonly actingAs: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation');
    this.title = page.getByRole('heading', { level: 1 });
    this.errorBanner = page.locator('.banner-error');
    this.actingAs = page.getByRole('banner').getByLabel('当前身份');
  }

  /** Open the launch URL the server printed and wait until the app has started. */
  async open(server: PingyiServer): Promise<void> {
    await this.page.goto(server.launchUrl);
    await expect(this.nav).toBeVisible();
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  async goTo(label: string): Promise<void> {
    await this.navLink(label).click();
    await expect(this.title).toHaveText(label);
  }

  async navLabels(): Promise<string[]> {
    return this.nav.getByRole('link').allInnerTexts().then((texts) => texts.map((t) => t.split('\n')[0]?.trim() ?? ''));
  }
}
