import type { BackupKind, BackupManifest, BackupRotation } from '../../../shared/contract/backups';
import { localDate } from '../../../shared/domain/clock';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const newestFirst = (a: BackupManifest, b: BackupManifest): number =>
  b.createdAt < a.createdAt ? -1 : b.createdAt > a.createdAt ? 1 : b.id < a.id ? -1 : 1;

/**
 * The automatic backup due at `now`, or null when today's has been made. One a day (by the
 * analyst's local calendar); it counts as the weekly one when no weekly backup was made in the
 * last seven days, so the weekly series needs no backup of its own.
 */
export function dueAutomaticKind(backups: readonly BackupManifest[], now: Date): 'daily' | 'weekly' | null {
  const today = localDate(now);
  const automatic = backups.filter((b) => b.kind === 'daily' || b.kind === 'weekly');
  if (automatic.some((b) => localDate(new Date(b.createdAt)) === today)) return null;
  const weekAgo = now.getTime() - WEEK_MS;
  // Six days and a bit, not seven: a backup made at 09:00 must not push next week's to the 8th day.
  const recentWeekly = automatic.some((b) => b.kind === 'weekly' && b.check.ok && Date.parse(b.createdAt) > weekAgo + 12 * 3600 * 1000);
  return recentWeekly ? 'daily' : 'weekly';
}

const KEEP: Record<Exclude<BackupKind, 'manual'>, keyof BackupRotation> = {
  daily: 'daily',
  weekly: 'weekly',
  'pre-import': 'preImport',
  'pre-migration': 'preMigration',
};

/**
 * The backups the rotation lets go. Per automatic kind the newest `rotation[kind]` good ones
 * stay; a backup that failed its check takes no place in the rotation (it cannot push out a good
 * one) and goes once a newer good one of its kind exists. Manual backups stay until deleted,
 * and the newest good backup of all is never pruned, whatever the settings say.
 */
export function selectForPruning(backups: readonly BackupManifest[], rotation: BackupRotation): string[] {
  const prune = new Set<string>();
  for (const [kind, key] of Object.entries(KEEP) as Array<[Exclude<BackupKind, 'manual'>, keyof BackupRotation]>) {
    const ofKind = backups.filter((b) => b.kind === kind).sort(newestFirst);
    const good = ofKind.filter((b) => b.check.ok);
    good.slice(rotation[key]).forEach((b) => prune.add(b.id));
    const newestGood = good[0];
    if (newestGood) ofKind.filter((b) => !b.check.ok && b.createdAt < newestGood.createdAt).forEach((b) => prune.add(b.id));
  }
  const newestGoodOfAll = backups.filter((b) => b.check.ok).sort(newestFirst)[0];
  if (newestGoodOfAll) prune.delete(newestGoodOfAll.id);
  return [...prune];
}

/** The newest backup that passed its check: what start-up recovery offers to restore. */
export function newestGoodBackup<T extends BackupManifest>(backups: readonly T[]): T | null {
  return [...backups].filter((b) => b.check.ok).sort(newestFirst)[0] ?? null;
}

/** Backup ids sort by time: YYYYMMDD-HHMMSS-kind (UTC), with -2, -3 … for a second in the same second. */
export function backupIdFor(at: Date, kind: BackupKind, taken: (id: string) => boolean): string {
  const iso = at.toISOString();
  const base = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${kind}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
