import { vi } from 'vitest';

/** Catch the browser downloads a test starts: the file name of each, in order. */
export function spyDownloads(): string[] {
  const downloads: string[] = [];
  Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:file'), configurable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  return downloads;
}
