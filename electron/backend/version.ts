// Injected by the build (esbuild define); falls back for tests and tsx runs.
declare const __PINGYI_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __PINGYI_VERSION__ === 'string' ? __PINGYI_VERSION__ : '0.1.0-dev';
