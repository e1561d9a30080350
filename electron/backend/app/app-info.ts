import type { AppInfo } from '../../../shared/contract';
import { nowIso } from '../../../shared/domain/clock';
import type { BackendContext } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { isDemoLoaded } from '../demo/load-demo';

const count = (ctx: BackendContext, table: string): number =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export function getAppInfo(ctx: BackendContext): AppInfo {
  return {
    appVersion: ctx.appVersion,
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    schemaVersion: Number(ctx.db.pragma('user_version', { simple: true })),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    sqliteVersion: (ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    counts: {
      countries: count(ctx, 'countries'),
      notifications: count(ctx, 'notifications'),
      auditEntries: count(ctx, 'audit_log'),
    },
    demoLoaded: isDemoLoaded(ctx.db),
    storeHealth: ctx.health.info(),
    now: nowIso(ctx.clock),
  };
}
