import { describe, expect, it } from 'vitest';
import type { BackupKind, BackupManifest } from '../../../shared/contract/backups';
import { backupIdFor, dueAutomaticKind, newestGoodBackup, selectForPruning } from './rotation';

const ROTATION = { daily: 2, weekly: 1, preImport: 1, preMigration: 1 };

function backup(id: string, kind: BackupKind, createdAt: string, ok = true): BackupManifest {
  return {
    id,
    kind,
    createdAt,
    schemaVersion: 130,
    appVersion: 'test',
    size: 1,
    counts: { notifications: 0, comments: 0 },
    attachments: 0,
    check: ok ? { ok: true, message: 'ok' } : { ok: false, message: 'damaged' },
  };
}

describe('selectForPruning', () => {
  it('keeps the newest good ones of each kind and every manual one', () => {
    const list = [
      backup('d1', 'daily', '2031-01-01T09:00:00Z'),
      backup('d2', 'daily', '2031-01-02T09:00:00Z'),
      backup('d3', 'daily', '2031-01-03T09:00:00Z'),
      backup('m1', 'manual', '2030-01-01T09:00:00Z'),
      backup('i1', 'pre-import', '2031-01-01T10:00:00Z'),
      backup('i2', 'pre-import', '2031-01-02T10:00:00Z'),
    ];
    expect(selectForPruning(list, ROTATION).sort()).toEqual(['d1', 'i1']);
  });

  it('gives a failed backup no place in the rotation, and lets it go once a newer good one exists', () => {
    const list = [
      backup('d1', 'daily', '2031-01-01T09:00:00Z'),
      backup('d2', 'daily', '2031-01-02T09:00:00Z'),
      backup('bad3', 'daily', '2031-01-03T09:00:00Z', false),
    ];
    // The failed newest one keeps both good ones in place, and stays itself for a person to see.
    expect(selectForPruning(list, ROTATION)).toEqual([]);
    const later = [...list, backup('d4', 'daily', '2031-01-04T09:00:00Z')];
    expect(selectForPruning(later, ROTATION).sort()).toEqual(['bad3', 'd1']);
  });

  it('never prunes the newest good backup of all', () => {
    const list = [backup('bad', 'daily', '2031-01-05T09:00:00Z', false), backup('w1', 'weekly', '2031-01-01T09:00:00Z')];
    expect(selectForPruning(list, { ...ROTATION, weekly: 0 })).toEqual([]);
    expect(newestGoodBackup(list)?.id).toBe('w1');
  });
});

describe('dueAutomaticKind', () => {
  it('is due once a day and weekly when no weekly backup was made in the last week', () => {
    const at = (iso: string): Date => new Date(iso);
    expect(dueAutomaticKind([], at('2031-01-10T09:00:00'))).toBe('weekly');
    const first = [backup('w', 'weekly', at('2031-01-10T09:00:00').toISOString())];
    expect(dueAutomaticKind(first, at('2031-01-10T22:00:00'))).toBeNull();
    expect(dueAutomaticKind(first, at('2031-01-11T00:05:00'))).toBe('daily');
    expect(dueAutomaticKind(first, at('2031-01-16T09:00:00'))).toBe('daily');
    expect(dueAutomaticKind(first, at('2031-01-17T08:00:00'))).toBe('weekly');
  });
});

describe('backupIdFor', () => {
  it('names a backup by its UTC time and kind, numbering a second one in the same second', () => {
    const at = new Date('2031-01-10T09:08:07.123Z');
    expect(backupIdFor(at, 'manual', () => false)).toBe('20310110-090807-manual');
    const taken = new Set(['20310110-090807-manual', '20310110-090807-manual-2']);
    expect(backupIdFor(at, 'manual', (id) => taken.has(id))).toBe('20310110-090807-manual-3');
  });
});
