// Builds the Node side (Electron main, preload, CLI, web server, workers) with esbuild and,
// unless --backend is given, the renderer with Vite. Output: dist/.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const backendOnly = process.argv.includes('--backend');

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  cli: 'electron/cli/main.ts',
  web: 'electron/web/serve.ts',
  worker: 'electron/backend/jobs/worker-entry.ts',
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __PINGYI_VERSION__: JSON.stringify(pkg.version) },
  // Native and Electron modules stay outside the bundle; everything else is inlined.
  // @resvg/resvg-js loads a prebuilt addon for the platform (an optional dependency of its own).
  external: ['electron', 'better-sqlite3', '@resvg/resvg-js'],
};

const { existsSync } = await import('node:fs');
await Promise.all(
  Object.entries(entries)
    .filter(([, entry]) => existsSync(path.join(root, entry)))
    .map(([name, entry]) =>
      build({
        ...common,
        entryPoints: [entry],
        outfile: `dist/${name}.cjs`,
        // The sandboxed preload may only require 'electron'.
        // It is read on every window load, so it is minified (zod comes with the contract).
        ...(name === 'preload' ? { external: ['electron'], sourcemap: false, minify: true } : {}),
      }),
    ),
);

if (!backendOnly) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
