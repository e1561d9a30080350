import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'release/', '.cache/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', 'electron', 'node:*', 'better-sqlite3'], message: 'The renderer talks to the backend only through the api client.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'node:*', 'better-sqlite3'], message: 'shared/ is pure: no Electron, React or Node APIs.' }] },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The backend also runs under the CLI and in web mode: no Electron here.' }],
          patterns: [{ group: ['electron/*'], message: 'The backend also runs under the CLI and in web mode: no Electron here.' }],
        },
      ],
    },
  },
  {
    files: ['electron/transports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main', '**/main/**'], message: 'Transports do not reach into main/; what both need lives in electron/security/ or shared/.' }] },
      ],
    },
  },
  {
    // One source of now and today (shared/domain/clock.ts): code takes a clock, so a test or
    // PINGYI_NOW can set the date. Tests may read the machine's clock to measure durations.
    files: ['electron/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['shared/domain/clock.ts', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the time from the clock (ctx.clock, a `now` parameter, or useClock/useToday), not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take the time from the clock (ctx.clock, a `now` parameter, or useClock/useToday), not Date.now(); performance.now() measures durations.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{mjs,cjs}', 'bench/**/*.mjs', 'bin/**/*.cjs', '*.config.{mjs,ts}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
