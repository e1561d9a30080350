import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { takeContractBreaches } from './testing/fake-backend';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.location.hash = '';
  window.sessionStorage.clear();
  window.localStorage.clear();
  // A breach the screen caught and showed as an error would otherwise pass unnoticed.
  const breaches = takeContractBreaches();
  if (breaches.length > 0) throw new Error(breaches.join('\n'));
});

// The renderer's files share one window (isolate: false in vitest.config.ts). Download tests
// stand in for the object URLs jsdom lacks; the next file gets the window as it was.
const objectUrls = (['createObjectURL', 'revokeObjectURL'] as const).map((key) => ({
  key,
  descriptor: Object.getOwnPropertyDescriptor(URL, key),
}));
afterAll(() => {
  for (const { key, descriptor } of objectUrls) {
    if (descriptor) Object.defineProperty(URL, key, descriptor);
    else Reflect.deleteProperty(URL, key);
  }
  document.documentElement.removeAttribute('lang');
});
