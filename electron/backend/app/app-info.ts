import type { AppInfo } from '../../../shared/contract';
import { nowIso } from '../../../shared/domain/clock';
import type { BackendContext } from '../context';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { storeFigures } from './app-counts';

export function getAppInfo(ctx: BackendContext): AppInfo {
  return {
    appVersion: ctx.appVersion,
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    schemaVersion: Number(ctx.db.pragma('user_version', { simple: true })),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    sqliteVersion: (ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    ...storeFigures(ctx.db),
    storeHealth: ctx.health.info(),
    now: nowIso(ctx.clock),
  };
}
