import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Tests count local days from fixed instants: on a machine west or far east of UTC those days
// would differ. Every run (and every worker it starts) reads one time zone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          root: path.resolve(import.meta.dirname),
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test-setup.ts'],
          // One jsdom and one module graph per worker instead of per file: building the window and
          // loading React, the contract's schemas and the locales took three quarters of the
          // project's time. Each test renders its own app over its own fake backend, store and
          // i18n instance; the setup file clears what a test leaves in the window.
          isolate: false,
        },
      },
    ],
  },
});
