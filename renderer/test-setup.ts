import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { takeContractBreaches } from './testing/fake-backend';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.location.hash = '';
  window.sessionStorage.clear();
  // A breach the screen caught and showed as an error would otherwise pass unnoticed.
  const breaches = takeContractBreaches();
  if (breaches.length > 0) throw new Error(breaches.join('\n'));
});
