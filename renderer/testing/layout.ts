import { vi } from 'vitest';

/**
 * jsdom lays nothing out, so every element measures 0×0 and a virtualised list would show no
 * rows. This gives elements a viewport-sized box for the duration of a test.
 */
export function fakeLayout(height = 620, width = 1200): () => void {
  const h = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
  const w = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
  return () => {
    h.mockRestore();
    w.mockRestore();
  };
}
