import { describe, expect, it } from 'vitest';
import { auditChanges, auditSubject, shorten } from './audit-format';

describe('audit entries', () => {
  it('lists the fields that changed, old and new', () => {
    const before = { status: 'new', relevance: null, industries: [] };
    const after = { status: 'assessing', relevance: 'high', industries: [] };
    expect(auditChanges(before, after)).toEqual([
      { key: 'status', before: 'new', after: 'assessing' },
      { key: 'relevance', before: null, after: 'high' },
    ]);
  });

  it('treats a missing side as empty, and empty text as no value', () => {
    expect(auditChanges(null, { titleZh: '沙特冰箱能效技术法规', descriptionZh: '', translator: null })).toEqual([
      { key: 'titleZh', before: undefined, after: '沙特冰箱能效技术法规' },
    ]);
  });

  it('names what was added or removed', () => {
    expect(auditSubject({ id: 3, fileName: '法规草案.pdf' })).toBe('法规草案.pdf');
    expect(auditSubject({ symbol: 'NAT/UZB/2026/0001' })).toBe('NAT/UZB/2026/0001');
    expect(auditSubject({ titleZh: 'x' })).toBeNull();
    expect(auditSubject('text')).toBeNull();
  });

  it('cuts long values', () => {
    expect(shorten('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
