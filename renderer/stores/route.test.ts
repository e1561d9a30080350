import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('routes', () => {
  it('reads each section from the hash', () => {
    expect(parseRoute('#/comments')).toEqual({ section: 'comments', id: null });
    expect(parseRoute('#/settings')).toEqual({ section: 'settings', id: null });
  });

  it('reads a notification record address', () => {
    expect(parseRoute('#/notifications/123')).toEqual({ section: 'notifications', id: 123 });
  });

  it('lands on the dashboard for an empty or unknown address', () => {
    expect(parseRoute('')).toEqual({ section: 'dashboard', id: null });
    expect(parseRoute('#/nowhere')).toEqual({ section: 'dashboard', id: null });
    expect(parseRoute('#token=abc')).toEqual({ section: 'dashboard', id: null });
  });

  it('ignores ids that are not positive integers', () => {
    expect(parseRoute('#/notifications/0')).toEqual({ section: 'notifications', id: null });
    expect(parseRoute('#/notifications/abc')).toEqual({ section: 'notifications', id: null });
  });

  it('reads comment records, named pages and their parameters', () => {
    expect(parseRoute('#/comments/7')).toEqual({ section: 'comments', id: 7 });
    expect(parseRoute('#/comments/stats')).toEqual({ section: 'comments', id: null, view: 'stats' });
    expect(parseRoute('#/comments/new?notification=12')).toEqual({ section: 'comments', id: null, view: 'new', query: 'notification=12' });
    expect(parseRoute('#/comments/nowhere')).toEqual({ section: 'comments', id: null });
  });

  it('writes back what it reads', () => {
    for (const hash of ['#/dashboard', '#/notifications', '#/notifications/42', '#/reports', '#/comments/3', '#/comments/trade-concerns', '#/comments/new?notification=5']) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
  });
});
