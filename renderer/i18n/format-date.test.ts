import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date';
import { formatBytes } from './format-size';

describe('formatDate', () => {
  it('writes Chinese dates as 2026年11月21日', () => {
    expect(formatDate('2026-11-21', 'zh-CN')).toBe('2026年11月21日');
  });

  it('drops leading zeros in Chinese, as written by hand', () => {
    expect(formatDate('2027-01-05', 'zh-CN')).toBe('2027年1月5日');
  });

  it('writes English dates day first with a short month', () => {
    expect(formatDate('2026-11-21', 'en')).toBe('21 Nov 2026');
  });

  it('shows a dash for a missing date and leaves text it cannot read alone', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('Not stated', 'en')).toBe('Not stated');
  });

  it('shows a timestamp as a local date and time', () => {
    const at = new Date(2026, 10, 21, 9, 5).toISOString();
    expect(formatDateTime(at, 'zh-CN')).toBe('2026年11月21日 09:05');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal below ten', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(45 * 1024 * 1024)).toBe('45 MB');
  });
});
