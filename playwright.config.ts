import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not available on every machine.
const CHROMIUM = process.env.PINGYI_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // The JSON report feeds the one-line summary that closes `npm test` (scripts/test-summary.mjs).
  reporter: [['list'], ['json', { outputFile: '.cache/test-reports/playwright.json' }]],
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // No webServer block: every test starts its own backend on a fresh data folder (test/e2e/fixtures.ts).
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        locale: 'zh-CN',
        // The same time zone as the server the fixture starts, whatever the machine's.
        timezoneId: 'UTC',
        viewport: { width: 1280, height: 800 },
        trace: 'retain-on-failure',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
